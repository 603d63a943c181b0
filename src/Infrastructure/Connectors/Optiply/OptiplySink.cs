using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>
/// Writes mapped records to one Optiply resource type. The payload is the attribute object the mapping
/// produced; the sink adds the source id as <c>remoteId</c>, wraps it in the JSON:API envelope, and follows
/// the recoveries of Optiply's own integrations (re-create when deleted in Optiply, adopt on a 409,
/// drop invalid supplier e-mails).
/// </summary>
public sealed class OptiplySink(OptiplyClient client, OptiplyEntity entity) : ITargetSink
{
    public OptiplyEntity Entity => entity;

    // Past this many lookups in one run (a first sync, a full resync) one listing of the whole type, 100 a page,
    // costs far fewer calls than a filtered GET per record: 10 per 1,000 records instead of 1,000.
    private const int LookupsBeforeIndex = 100;
    private int _lookups;
    private Lazy<Task<Dictionary<string, string>>>? _index;

    public async Task<string?> FindAsync(string sourceId, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _lookups) <= LookupsBeforeIndex)
            return (await client.FindByRemoteIdAsync(entity.Type, sourceId, ct))?.Id;
        var index = LazyInitializer.EnsureInitialized(ref _index, () => new Lazy<Task<Dictionary<string, string>>>(() => IndexAsync(ct)));
        return (await index.Value).GetValueOrDefault(sourceId);
    }

    /// <summary>Remote id to Optiply id of every record of the type this coupling wrote; the oldest wins, as in a lookup.</summary>
    private async Task<Dictionary<string, string>> IndexAsync(CancellationToken ct)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var resource in client.ReadAllAsync(entity.Type, [("sort", "id")], ct))
            if (resource.RemoteId(client.Account.CouplingId) is { } remoteId)
                index.TryAdd(remoteId, resource.Id);
        return index;
    }

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var attributes = Attributes(sourceId, payload);
        foreach (var (name, value) in entity.CreateDefaults)
            if (attributes[name] is null) attributes[name] = value.DeepClone();
        try
        {
            var created = await WithoutInvalidEmailsAsync(attributes, a => client.CreateAsync(entity.Type, a, ct));
            return new TargetWrite(created.Id, created.Raw);
        }
        catch (OptiplyRefused conflict) when (conflict.Status == 409 && entity.UniquePair is { } pair)
        {
            // Optiply already holds this pair (e.g. written before its link was saved): take it over.
            var existing = await FindPairAsync(pair, attributes, ct);
            if (existing is null) throw;
            return await UpdateAsync(existing.Id, sourceId, payload, ct);
        }
    }

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        var updated = await WithoutInvalidEmailsAsync(Attributes(sourceId, payload), a => client.UpdateAsync(entity.Type, targetId, a, ct));
        // Deleted in Optiply meanwhile: the source still has it, so it is created again (and relinked by its new id).
        return updated is null ? await CreateAsync(sourceId, payload, ct) : new TargetWrite(updated.Id, updated.Raw);
    }

    public async Task<string?> DeleteAsync(string targetId, CancellationToken ct)
    {
        switch (entity.Deletion)
        {
            case OptiplyDeletion.MarkIgnored:
                return (await client.UpdateAsync(entity.Type, targetId, new JsonObject { ["ignored"] = true }, ct))?.Raw
                    ?? $"{entity.Label} {targetId} no longer exists in Optiply.";
            case OptiplyDeletion.MarkDisabled:
                return (await client.UpdateAsync(entity.Type, targetId, new JsonObject { ["status"] = "disabled" }, ct))?.Raw
                    ?? $"{entity.Label} {targetId} no longer exists in Optiply.";
            default:
                return await client.DeleteAsync(entity.Type, targetId, ct)
                    ? null
                    : $"{entity.Label} {targetId} was already gone from Optiply.";
        }
    }

    private static JsonObject Attributes(string sourceId, JsonObject payload)
    {
        var attributes = (JsonObject)payload.DeepClone();
        attributes["remoteId"] = sourceId;
        return attributes;
    }

    // Optiply refuses a whole supplier for one bad address; its integrations then write the supplier without e-mails.
    private static async Task<T> WithoutInvalidEmailsAsync<T>(JsonObject attributes, Func<JsonObject, Task<T>> write)
    {
        try
        {
            return await write(attributes);
        }
        catch (OptiplyRefused refused) when (refused.Status == 400 && attributes.ContainsKey("emails")
                                             && refused.Detail.Contains("is not a valid address", StringComparison.OrdinalIgnoreCase))
        {
            attributes.Remove("emails");
            return await write(attributes);
        }
    }

    private async Task<OptiplyResource?> FindPairAsync((string First, string Second) pair, JsonObject attributes, CancellationToken ct)
    {
        if (attributes[pair.First]?.ToString() is not { } first || attributes[pair.Second]?.ToString() is not { } second) return null;
        var page = await client.ListAsync(entity.Type, [($"filter[{pair.First}]", first), ($"filter[{pair.Second}]", second)], limit: 1, ct);
        return page.Data.FirstOrDefault();
    }
}
