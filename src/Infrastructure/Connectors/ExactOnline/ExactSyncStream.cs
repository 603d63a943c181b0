using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>What a one-entity sync stream reads: its endpoints, fields, Deleted code and which rows belong to the flow.</summary>
public sealed record ExactSyncEntity(
    string SyncResource,
    string RegularResource,
    IReadOnlyDictionary<string, ExactType> Fields,
    int DeletedEntityType,
    string[] Required)
{
    /// <summary>Rows the flow does not want (e.g. accounts that are not suppliers) are left out; null keeps all.</summary>
    public Func<JsonObject, bool>? Keep { get; init; }
}

/// <summary>
/// Records of one Exact entity from its sync endpoint (Timestamp cursor, 1000 a page), then the entity's
/// deletions from the Deleted log. Data keeps Exact's field names; dates become ISO 8601.
/// </summary>
public sealed class ExactSyncStream(ExactOnlineClient exact, ExactSyncEntity entity) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ExactSyncCursor.Parse(cursorText);
        var fields = entity.Fields.Keys.Append("Timestamp");
        await foreach (var page in exact.PagesAsync(exact.Url(entity.SyncResource, fields, $"Timestamp gt {cursor.Rows}L"), ct))
        {
            var records = page.Where(r => entity.Keep?.Invoke(r) ?? true).Select(ToRecord).ToList();
            cursor = cursor with { Rows = Math.Max(cursor.Rows, page.Select(ExactRecordCheck.Timestamp).Max() ?? 0) };
            yield return new SourcePage(records, cursor.ToString());
        }

        var deleted = exact.Url("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], $"Timestamp gt {cursor.Deleted}L and EntityType eq {entity.DeletedEntityType}");
        await foreach (var page in exact.PagesAsync(deleted, ct))
        {
            var records = page.Select(d => d["EntityKey"]?.ToString()).OfType<string>().Select(k => SourceRecord.Deletion(k.ToLowerInvariant())).ToList();
            cursor = cursor with { Deleted = Math.Max(cursor.Deleted, page.Select(ExactRecordCheck.Timestamp).Max() ?? 0) };
            yield return new SourcePage(records, cursor.ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!Guid.TryParse(sourceId, out var id)) return null;
        var rows = await exact.AllAsync(exact.Url(entity.RegularResource, entity.Fields.Keys, $"ID eq guid'{id}'"), ct);
        var row = rows.FirstOrDefault(r => entity.Keep?.Invoke(r) ?? true);
        return row is null ? null : ToRecord(row);
    }

    private SourceRecord ToRecord(JsonObject row)
    {
        var (data, problem) = ExactRecordCheck.Clean(row, entity.Fields, entity.Required);
        var id = ((data["ID"] as JsonValue)?.ToString() ?? row["ID"]?.ToJsonString() ?? "(no ID)").ToLowerInvariant();
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }
}
