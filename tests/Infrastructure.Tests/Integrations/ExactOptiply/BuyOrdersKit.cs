using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>What the buy-order tests need around the flows: products and suppliers in Optiply, links, Exact orders.</summary>
internal static class BuyOrdersKit
{
    /// <summary>
    /// Puts every named Exact supplier in Optiply with its remote id and links it as the suppliers flow does, so the
    /// buy-order flows find them. <paramref name="except"/> names suppliers to leave out.
    /// </summary>
    public static Task<Dictionary<string, string>> SuppliersInOptiplyAsync(this ExactOptiplyHub hub, params string[] except) =>
        hub.SuppliersInOptiplyAsync(deliveryTime: null, except);

    public static async Task<Dictionary<string, string>> SuppliersInOptiplyAsync(this ExactOptiplyHub hub, int? deliveryTime, params string[] except)
    {
        var linked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts))
        {
            if (account["IsSupplier"]?.GetValue<bool>() != true || account["Name"] is null || except.Contains((string)account["Name"]!)) continue;
            var exactId = account["ID"]!.ToString().ToLowerInvariant();
            var attributes = new JsonObject { ["name"] = (string)account["Name"]!, ["remoteId"] = exactId };
            if (deliveryTime is not null) attributes["deliveryTime"] = deliveryTime;
            var optiplyId = hub.Optiply.Add(ExactOptiplyHub.Account, "suppliers", attributes, OptiplyDemoLogin.CouplingId);
            linked[exactId] = optiplyId;
        }
        await hub.LinkAsync("supplier", linked);
        return linked;
    }

    public static async Task LinkAsync(this ExactOptiplyHub hub, string entity, IReadOnlyDictionary<string, string> links)
    {
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == ExactOptiplyHub.Slug);
        foreach (var (source, target) in links)
            db.RecordLinks.Add(new RecordLink { TenantId = tenant.Id, Entity = entity, SourceId = source, TargetId = target, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static async Task<Dictionary<string, string>> LinksAsync(this ExactOptiplyHub hub, string entity)
    {
        await using var db = await hub.Hub.DbAsync();
        return await db.RecordLinks.AsNoTracking().Where(l => l.Entity == entity).ToDictionaryAsync(l => l.SourceId, l => l.TargetId);
    }

    /// <summary>Products and suppliers in Optiply, as the master-data flows leave them.</summary>
    public static Task MasterDataAsync(this ExactOptiplyHub hub, params string[] exceptSuppliers) => hub.MasterDataAsync(null, exceptSuppliers);

    public static async Task MasterDataAsync(this ExactOptiplyHub hub, int? deliveryTime, params string[] exceptSuppliers)
    {
        var products = await hub.RunAsync(ProductsFlow.Key);
        Assert.Equal(RunStatus.Succeeded, products.Status);
        await hub.SuppliersInOptiplyAsync(deliveryTime, exceptSuppliers);
    }

    public static IReadOnlyList<JsonObject> PurchaseOrders(this ExactOptiplyHub hub) => hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.PurchaseOrders);

    public static List<JsonObject> PurchaseOrderLines(this ExactOptiplyHub hub, string orderId) =>
        hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.PurchaseOrderLines)
            .Where(l => string.Equals((string?)l["PurchaseOrderID"], orderId, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => (int)l["LineNumber"]!).ToList();

    public static List<JsonObject> OptiplyLinesOf(this ExactOptiplyHub hub, string optiplyOrderId) =>
        hub.Optiply.Records(ExactOptiplyHub.Account, "buyOrderLines").Where(l => l["buyOrderId"]?.ToString() == optiplyOrderId).ToList();

    public static DateTimeOffset ExactDateOf(JsonNode? value) => ExactDate.Parse((string?)value)!.Value;

    public static DateTimeOffset OptiplyDateOf(JsonNode? value) =>
        DateTimeOffset.Parse(value!.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static decimal Money(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);
}
