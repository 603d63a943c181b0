using System.Collections.Concurrent;
using Koppel.Domain.Sync;
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
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>> _skipsByFlow = new();

    public async Task<string?> TargetIdAsync(string entity, string sourceId, CancellationToken ct)
    {
        var links = await AllAsync(entity, ct);
        return links.TryGetValue(sourceId, out var target) ? target : null;
    }

    public Task<IReadOnlyDictionary<string, string>> AllAsync(string entity, CancellationToken ct) =>
        _byEntity.GetOrAdd(entity, e => new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => LoadAsync(e, ct))).Value;

    /// <summary>
    /// Why a record of another flow was left out by that flow's rules (its latest log entry is "skipped"), or null.
    /// Tells a record that needs it apart from one whose partner is merely not synced yet.
    /// </summary>
    public async Task<string?> SkipReasonAsync(string flow, string sourceId, CancellationToken ct)
    {
        var skips = await _skipsByFlow.GetOrAdd(flow, f => new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => LoadSkipsAsync(f, ct))).Value;
        return skips.GetValueOrDefault(sourceId.ToLowerInvariant());
    }

    /// <summary>Forget what was read, e.g. after this run wrote links of the entity itself.</summary>
    public void Invalidate(string entity) => _byEntity.TryRemove(entity, out _);

    private async Task<IReadOnlyDictionary<string, string>> LoadSkipsAsync(string flow, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Skips are few; read them, then keep those with no later entry of another outcome.
        var skipped = await db.SyncLog.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.Flow == flow && l.Outcome == Outcome.Skipped)
            .Select(l => new { l.Id, l.SourceKey, l.Message }).ToListAsync(ct);
        var latestSkip = skipped.GroupBy(s => s.SourceKey).Select(g => g.MaxBy(s => s.Id)!).ToList();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in latestSkip.Chunk(500))
        {
            var keys = chunk.Select(s => s.SourceKey).ToList();
            var later = await db.SyncLog.AsNoTracking()
                .Where(l => l.TenantId == tenantId && l.Flow == flow && keys.Contains(l.SourceKey) && l.Outcome != Outcome.Skipped)
                .GroupBy(l => l.SourceKey).Select(g => new { Key = g.Key, Last = g.Max(l => l.Id) })
                .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
            foreach (var skip in chunk.Where(s => !later.TryGetValue(s.SourceKey, out var last) || last < s.Id))
                found[skip.SourceKey.ToLowerInvariant()] = skip.Message;
        }
        return found;
    }

    private async Task<IReadOnlyDictionary<string, string>> LoadAsync(string entity, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.RecordLinks.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.Entity == entity)
            .ToDictionaryAsync(l => l.SourceId, l => l.TargetId, ct);
    }
}
