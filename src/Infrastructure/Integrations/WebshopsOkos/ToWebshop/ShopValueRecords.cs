using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// The records of a flow from the ERP: per product code the ERP's value next to the shop's, so the rules can leave
/// out what the shop shows already. The mapping copies both into the payload (see <see cref="ShopValue.ShopField"/>).
/// </summary>
internal static class ShopValueRecords
{
    public const string ShopProblem = "shopProblem";

    /// <param name="erpValue">Null when the ERP has no such product (any more).</param>
    public static SourceRecord Record(ShopValue value, string code, decimal? erpValue, ShopLookup shop)
    {
        var data = new JsonObject { ["sku"] = code, [value.Field] = erpValue, [value.ShopField] = null };
        if (shop.Problems.TryGetValue(code, out var problem)) data[ShopProblem] = problem;
        else if (shop.Found.TryGetValue(code, out var product)) data[value.ShopField] = value.Read(product);
        return new SourceRecord(code, data);
    }
}
