using System.Collections.Concurrent;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// Finds the target id of a record another flow synced (an order line's product, a supplier product's
/// supplier). Each entity's links are read once per run, so a page of a thousand lines costs one query.
/// </summary>
public sealed class LinkLookup(IDbContextFactory<KoppelDb> dbs, int tenantId)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>> _byEntity = new();

    public async Task<string?> TargetIdAsync(string entity, string sourceId, CancellationToken ct)
    {
        var links = await AllAsync(entity, ct);
        return links.TryGetValue(sourceId, out var target) ? target : null;
    }

    public Task<IReadOnlyDictionary<string, string>> AllAsync(string entity, CancellationToken ct) =>
        _byEntity.GetOrAdd(entity, e => new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => LoadAsync(e, ct))).Value;

    /// <summary>Forget what was read, e.g. after this run wrote links of the entity itself.</summary>
    public void Invalidate(string entity) => _byEntity.TryRemove(entity, out _);

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(string entity, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.RecordLinks.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.Entity == entity)
            .ToDictionaryAsync(l => l.SourceId, l => l.TargetId, ct);
    }
}
