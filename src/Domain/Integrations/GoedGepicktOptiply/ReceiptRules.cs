using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// What a GoedGepickt purchase order tells Optiply: per line the quantity received so far ("Received"), and whether
/// the order is completed ("Completed"). The receipt lines sent are only the increase over what Optiply already
/// holds (<see cref="Increase"/>), so a re-read never counts goods twice.
/// </summary>
public sealed class PurchaseOrderReceipts : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["Received"] = new JsonArray((data["lines"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(l => (JsonNode)new JsonObject
            {
                ["lineUuid"] = GgJson.Text(l["uuid"]),
                ["sku"] = GgJson.Text(l["sku"]),
                ["receivedQuantity"] = Math.Max(0, GgJson.Int(l["receivedQuantity"]) ?? 0),
            })
            .ToArray());
        result["Completed"] = string.Equals(GgJson.Text(data["status"]), "completed", StringComparison.OrdinalIgnoreCase);
        return RuleDecision.Continue(result);
    }

    /// <summary>The receipt still to report: received in GG minus what Optiply holds already; never negative.</summary>
    public static int Increase(int receivedInGoedGepickt, int reportedToOptiply) => Math.Max(0, receivedInGoedGepickt - reportedToOptiply);
}
