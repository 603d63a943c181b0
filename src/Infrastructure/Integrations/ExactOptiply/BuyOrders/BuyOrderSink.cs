using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

/// <summary>
/// Writes a buy order with its lines. A new order is one POST with nested lines; a changed one is a PATCH of the
/// header plus, per line, a POST (added in Exact), PATCH (changed) or DELETE (removed), matched with what Optiply
/// holds by the lines' remote ids. The lines' Optiply ids go back as "buy-order-line" links, committed with the
/// order's own link, so receipt lines can find them and a retry after a crash never doubles a line.
/// </summary>
public sealed class BuyOrderSink(OptiplyClient client) : ITargetSink
{
    private readonly OptiplySink _orders = new(client, OptiplyEntity.BuyOrders);

    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => _orders.FindAsync(sourceId, ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var attributes = (JsonObject)payload.DeepClone();
        attributes["remoteId"] = sourceId;
        var created = await client.CreateAsync("buyOrders", attributes, ct);
        var links = new List<TargetLink>();
        var written = await LinesAsync(created.Id, ct);
        foreach (var line in Lines(payload))
            if (RemoteId(line) is { } remoteId && written.TryGetValue(remoteId, out var target))
                links.Add(new TargetLink(BuyOrderReferences.LineEntity, remoteId, target.Id));
        return new TargetWrite(created.Id, created.Raw) { Links = links };
    }

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        var existing = await client.GetAsync("buyOrders", targetId, ct);
        // Deleted in Optiply meanwhile: Exact still has it, so it is created again.
        if (existing is null) return await CreateAsync(sourceId, payload, ct);

        var header = (JsonObject)payload.DeepClone();
        header.Remove("orderLines");
        header["remoteId"] = sourceId;
        // The completion date is the moment the order was first seen done; a later change keeps it.
        if (header["completed"] is not null && existing.Attributes["completed"] is JsonValue done && done.GetValueKind() == JsonValueKind.String)
            header.Remove("completed");
        var updated = await client.UpdateAsync("buyOrders", targetId, header, ct);
        if (updated is null) return await CreateAsync(sourceId, payload, ct);

        var links = new List<TargetLink>();
        var current = await LinesAsync(targetId, ct);
        var wanted = Lines(payload).Where(l => RemoteId(l) is not null).ToDictionary(l => RemoteId(l)!, StringComparer.OrdinalIgnoreCase);
        foreach (var (remoteId, line) in wanted)
        {
            var attributes = (JsonObject)line.DeepClone();
            if (current.TryGetValue(remoteId, out var stored))
            {
                if (!Same(attributes, stored.Attributes))
                    await client.UpdateAsync("buyOrderLines", stored.Id, attributes, ct);
                links.Add(new TargetLink(BuyOrderReferences.LineEntity, remoteId, stored.Id));
                continue;
            }
            attributes["buyOrderId"] = long.Parse(targetId, CultureInfo.InvariantCulture);
            var created = await client.CreateAsync("buyOrderLines", attributes, ct);
            links.Add(new TargetLink(BuyOrderReferences.LineEntity, remoteId, created.Id));
        }
        // Lines this coupling wrote that Exact no longer has were deleted there; lines added in Optiply by hand stay.
        foreach (var (remoteId, stored) in current.Where(c => !wanted.ContainsKey(c.Key)))
        {
            await client.DeleteAsync("buyOrderLines", stored.Id, ct);
            links.Add(new TargetLink(BuyOrderReferences.LineEntity, remoteId, null));
        }
        return new TargetWrite(updated.Id, updated.Raw) { Links = links };
    }

    /// <summary>Deletes the order; Optiply deletes its lines and their receipt lines with it.</summary>
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => _orders.DeleteAsync(targetId, ct);

    private async Task<Dictionary<string, OptiplyResource>> LinesAsync(string orderId, CancellationToken ct)
    {
        var lines = new Dictionary<string, OptiplyResource>(StringComparer.OrdinalIgnoreCase);
        await foreach (var line in client.ReadAllAsync("buyOrderLines", [("filter[buyOrderId]", orderId), ("sort", "id")], ct))
            if (line.RemoteId(client.Account.CouplingId) is { } remoteId)
                lines.TryAdd(remoteId, line);
        return lines;
    }

    private static IEnumerable<JsonObject> Lines(JsonObject payload) => (payload["orderLines"] as JsonArray ?? []).OfType<JsonObject>();

    private static string? RemoteId(JsonObject line) => line["remoteId"]?.ToString() is { Length: > 0 } id ? id : null;

    /// <summary>Whether Optiply already holds these values: money reads back as text, dates in its own format.</summary>
    private static bool Same(JsonObject wanted, JsonObject stored)
    {
        foreach (var (name, value) in wanted)
        {
            if (name == "remoteId") continue;
            var a = Text(value);
            var b = Text(stored[name]);
            if (a == b) continue;
            if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y) continue;
            if (DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) && d == e) continue;
            return false;
        }
        return true;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
