using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

/// <summary>The emulator's counterparties and customer orders: MoySklad's shapes, required fields and refusals.</summary>
public sealed class MoySkladDocumentEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/MoySklad/Reference/moysklad-fields.txt");
    private static readonly Dictionary<string, string> Nested = new()
    {
        ["Counterparty.meta"] = "Meta", ["CustomerOrder.meta"] = "Meta", ["CustomerOrderPosition.meta"] = "Meta",
    };

    private static JsonObject Ref(string baseUrl, string type, string id) =>
        new() { ["meta"] = new JsonObject { ["href"] = $"{baseUrl}/entity/{type}/{id}", ["type"] = type, ["mediaType"] = "application/json" } };

    [Fact]
    public async Task Counterparties_orders_and_positions_have_only_fields_of_the_real_entities()
    {
        await using var host = await MoySkladHost.StartAsync(products: 2);
        var client = host.Client();
        var agent = await client.CreateAsync("counterparty", new JsonObject { ["name"] = "Иван", ["email"] = "ivan@example.ru", ["phone"] = "+79001234567" });
        var product = host.Sandbox.ProductsOf(MoySkladHost.Account)[0]["id"]!.ToString();
        var order = await client.CreateAsync("customerorder", new JsonObject
        {
            ["organization"] = Ref(host.BaseUrl, "organization", host.Sandbox.OrganizationId(MoySkladHost.Account)),
            ["agent"] = Ref(host.BaseUrl, "counterparty", agent["id"]!.ToString()),
            ["positions"] = new JsonArray(new JsonObject { ["assortment"] = Ref(host.BaseUrl, "product", product), ["quantity"] = 2, ["price"] = 1050, ["reserve"] = 2 }),
        });
        var positions = (await client.ReadAsync($"/entity/customerorder/{order["id"]}/positions"))!["rows"]!.AsArray();
        var found = (await client.ReadAsync("/entity/counterparty?filter=" + Uri.EscapeDataString("email=ivan@example.ru")))!["rows"]!.AsArray();

        var problems = Reference.Check("Counterparty", agent, Nested)
            .Concat(Reference.Check("CustomerOrder", order, Nested))
            .Concat(positions.SelectMany(p => Reference.Check("CustomerOrderPosition", p!.AsObject(), Nested)));
        Assert.Empty(problems);
        Assert.Equal((2100m, 1), (order["sum"]!.GetValue<decimal>(), positions.Count));
        Assert.Equal(agent["id"]!.ToString(), found.Single()!["id"]!.ToString());
    }

    [Fact]
    public async Task An_order_without_an_agent_or_with_a_key_MoySklad_does_not_have_is_refused_with_412()
    {
        await using var host = await MoySkladHost.StartAsync(products: 1);
        var client = host.Client();
        var organization = Ref(host.BaseUrl, "organization", host.Sandbox.OrganizationId(MoySkladHost.Account));

        var missing = await Assert.ThrowsAsync<SyncProblem>(() => client.CreateAsync("customerorder", new JsonObject { ["organization"] = organization }));
        var unknown = await Assert.ThrowsAsync<SyncProblem>(() => client.CreateAsync("counterparty", new JsonObject { ["name"] = "X", ["mail"] = "x@example.ru" }));

        Assert.Contains("(412)", missing.Message);
        Assert.Contains("code 3000", missing.Message);
        Assert.Contains("(412)", unknown.Message);
        Assert.Contains("mail", unknown.Message);
    }
}
