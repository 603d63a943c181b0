using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

/// <summary>The emulator's demands and sales returns: templates from their basis, MoySklad's shapes, links both ways, stock moved.</summary>
public sealed class MoySkladShipmentEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/MoySklad/Reference/moysklad-fields.txt");
    private static readonly Dictionary<string, string> Nested = new()
    {
        ["Demand.meta"] = "Meta", ["SalesReturn.meta"] = "Meta", ["CustomerOrder.meta"] = "Meta",
    };

    private static async Task<(MoySkladHost Host, JsonObject Order, string Product)> OrderAsync()
    {
        var host = await MoySkladHost.StartAsync(products: 2);
        var (order, product) = await host.OrderAsync(quantity: 3, price: 1000, atStore: true);
        return (host, order, product);
    }

    [Fact]
    public async Task A_demand_template_from_an_order_is_unsaved_and_holds_the_orders_parties_and_positions()
    {
        var (host, order, product) = await OrderAsync();
        await using var _ = host;
        var client = host.Client();

        var template = await client.TemplateAsync("demand", new JsonObject { ["customerOrder"] = client.Reference("customerorder", order["id"]!.ToString()) });

        Assert.Null(template["id"]);
        Assert.Null(template["meta"]);
        Assert.Equal(order["agent"]!["meta"]!["href"]!.ToString(), template["agent"]!["meta"]!["href"]!.ToString());
        Assert.EndsWith(order["id"]!.ToString(), template["customerOrder"]!["meta"]!["href"]!.ToString());
        var row = Assert.Single(template["positions"]!["rows"]!.AsArray())!;
        Assert.Equal((3m, 1000m), (row["quantity"]!.GetValue<decimal>(), row["price"]!.GetValue<decimal>()));
        Assert.EndsWith(product, row["assortment"]!["meta"]!["href"]!.ToString());
        Assert.Empty(Reference.Check("Demand", template, Nested));
    }

    [Fact]
    public async Task A_posted_demand_and_its_return_have_only_real_fields_link_their_basis_and_move_stock()
    {
        var (host, order, product) = await OrderAsync();
        await using var _ = host;
        var client = host.Client();
        var stock = host.Sandbox.StockOf(MoySkladHost.Account, product);

        var demand = await client.CreateAsync("demand",
            await client.TemplateAsync("demand", new JsonObject { ["customerOrder"] = client.Reference("customerorder", order["id"]!.ToString()) }));
        var shippedStock = host.Sandbox.StockOf(MoySkladHost.Account, product);
        var salesReturn = await client.CreateAsync("salesreturn",
            await client.TemplateAsync("salesreturn", new JsonObject { ["demand"] = client.Reference("demand", demand["id"]!.ToString()) }));

        Assert.Empty(Reference.Check("Demand", demand, Nested).Concat(Reference.Check("SalesReturn", salesReturn, Nested)));
        Assert.Equal((stock - 3, stock), (shippedStock, host.Sandbox.StockOf(MoySkladHost.Account, product)));
        var savedOrder = (await client.GetAsync("customerorder", order["id"]!.ToString()))!;
        Assert.EndsWith(demand["id"]!.ToString(), savedOrder["demands"]!.AsArray().Single()!["meta"]!["href"]!.ToString());
        Assert.Equal(3000m, savedOrder["shippedSum"]!.GetValue<decimal>());
        var savedDemand = (await client.GetAsync("demand", demand["id"]!.ToString()))!;
        Assert.EndsWith(salesReturn["id"]!.ToString(), savedDemand["returns"]!.AsArray().Single()!["meta"]!["href"]!.ToString());
        Assert.Equal(3000m, salesReturn["sum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_demand_without_a_store_or_with_a_key_MoySklad_does_not_have_is_refused_with_412()
    {
        var (host, order, _) = await OrderAsync();
        await using var _ = host;
        var client = host.Client();
        var template = await client.TemplateAsync("demand", new JsonObject { ["customerOrder"] = client.Reference("customerorder", order["id"]!.ToString()) });
        var withoutStore = (JsonObject)template.DeepClone();
        withoutStore.Remove("store");
        var unknown = (JsonObject)template.DeepClone();
        unknown["shipDate"] = "2026-12-01 10:00:00";

        var missing = await Assert.ThrowsAsync<SyncProblem>(() => client.CreateAsync("demand", withoutStore));
        var refused = await Assert.ThrowsAsync<SyncProblem>(() => client.CreateAsync("demand", unknown));
        var badTemplate = await Assert.ThrowsAsync<SyncProblem>(() => client.TemplateAsync("demand", new JsonObject { ["order"] = order["meta"]!.DeepClone() }));

        Assert.Contains("code 3000", missing.Message);
        Assert.Contains("shipDate", refused.Message);
        Assert.Contains("(412)", badTemplate.Message);
        Assert.Empty(host.Sandbox.DemandsOf(MoySkladHost.Account));
    }
}
