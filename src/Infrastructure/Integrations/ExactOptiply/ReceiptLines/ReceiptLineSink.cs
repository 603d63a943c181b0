using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;

/// <summary>
/// Writes receipt lines: Optiply's remoteId is the Exact ID (the record id without its prefix), and the
/// mapping's "buyOrderLineRemoteId" (the Exact purchase order line, or the assembly order) becomes Optiply's
/// buyOrderLineId through the links the buy-orders flow keeps under "buy-order-line". A receipt whose buy
/// order line is not in Optiply yet fails and is tried again next run, so no receipt is lost when the
/// buy-orders sync runs after this one.
/// </summary>
public sealed class ReceiptLineSink(OptiplySink receipts, LinkLookup links) : ITargetSink
{
    public const string BuyOrderLineEntity = "buy-order-line";

    private Lazy<Task<Dictionary<string, string>>>? _lines;

    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => receipts.FindAsync(ExactId(sourceId), ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await receipts.CreateAsync(ExactId(sourceId), await WithBuyOrderLineAsync(sourceId, payload, ct), ct);

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        await receipts.UpdateAsync(targetId, ExactId(sourceId), await WithBuyOrderLineAsync(sourceId, payload, ct), ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => receipts.DeleteAsync(targetId, ct);

    private async Task<JsonObject> WithBuyOrderLineAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var result = (JsonObject)payload.DeepClone();
        if (!result.Remove("buyOrderLineRemoteId", out var remote)) return result;
        var lines = await LinesAsync(ct);
        var key = remote?.ToString()?.ToLowerInvariant();
        if (key is null || !lines.TryGetValue(key, out var lineId))
            throw new SyncProblem(sourceId.StartsWith(ReceiptLineSource.AssemblyOrderPrefix, StringComparison.Ordinal)
                ? "The assembly order is not in Optiply as a buy order yet (the buy-orders sync has not sent it, or left it out). The receipt is sent again on the next run."
                : "The purchase order line this receipt belongs to is not in Optiply yet (the buy-orders sync has not sent it, or left it out). The receipt is sent again on the next run.");
        result["buyOrderLineId"] = long.TryParse(lineId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : lineId;
        return result;
    }

    /// <summary>
    /// Buy order line links by the Exact id they were made from, also when the buy-orders flow puts a source
    /// prefix before it ("assembly:&lt;id&gt;"): what matters here is the Exact id after the last colon.
    /// </summary>
    private Task<Dictionary<string, string>> LinesAsync(CancellationToken ct) =>
        LazyInitializer.EnsureInitialized(ref _lines, () => new Lazy<Task<Dictionary<string, string>>>(async () =>
        {
            var all = await links.AllAsync(BuyOrderLineEntity, ct);
            var byExactId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (source, target) in all) byExactId[source] = target;
            foreach (var (source, target) in all) byExactId.TryAdd(ExactId(source), target);
            return byExactId;
        })).Value;

    private static string ExactId(string recordId) => SellOrderSource.ExactId(recordId);
}
