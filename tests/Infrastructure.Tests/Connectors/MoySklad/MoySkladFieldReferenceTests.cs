using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

/// <summary>Every emulator answer for the entities the hub uses has only fields, of the types, the real API has.</summary>
public sealed class MoySkladFieldReferenceTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/MoySklad/Reference/moysklad-fields.txt");

    private static readonly Dictionary<string, string> Nested = new()
    {
        ["Product.meta"] = "Meta", ["Product.salePrices"] = "SalePrice", ["SalePrice.priceType"] = "PriceType", ["PriceType.meta"] = "Meta",
        ["Uom.meta"] = "Meta", ["Organization.meta"] = "Meta", ["Store.meta"] = "Meta", ["Webhook.meta"] = "Meta", ["WebhookStock.meta"] = "Meta",
    };

    [Theory]
    [InlineData("/entity/product", "Product")]
    [InlineData("/entity/uom", "Uom")]
    [InlineData("/entity/organization", "Organization")]
    [InlineData("/entity/store", "Store")]
    [InlineData("/entity/employee", "Employee")]
    public async Task List_rows_have_only_fields_of_the_real_entity(string path, string entity)
    {
        await using var host = await MoySkladHost.StartAsync(products: 4);

        using var response = await host.GetAsync(path);
        var rows = (await MoySkladHost.JsonAsync(response))!["rows"]!.AsArray();

        Assert.NotEmpty(rows);
        Assert.Empty(rows.SelectMany(r => Reference.Check(entity, r!.AsObject(), Nested)));
    }

    [Fact]
    public async Task Price_types_webhooks_and_stock_report_rows_have_only_fields_of_the_real_api()
    {
        await using var host = await MoySkladHost.StartAsync(products: 2);
        var client = host.Client();
        var hook = await client.CreateAsync("webhook", new JsonObject { ["url"] = "https://hub.example/hooks/x", ["action"] = "CREATE", ["entityType"] = "product" });
        var stockHook = await client.CreateAsync("webhookstock", new JsonObject { ["url"] = "https://hub.example/hooks/y", ["stockType"] = "stock", ["reportType"] = "all" });

        var priceTypes = (JsonArray)(await client.ReadAsync("/context/companysettings/pricetype"))!;
        var stock = (JsonArray)(await client.ReadAsync("/report/stock/all/current?stockType=quantity&include=zeroLines"))!;

        var problems = priceTypes.SelectMany(p => Reference.Check("PriceType", p!.AsObject(), Nested))
            .Concat(Reference.Check("Webhook", hook, Nested))
            .Concat(Reference.Check("WebhookStock", stockHook, Nested))
            .Concat(stock.SelectMany(s => Reference.Check("report.stock.current", s!.AsObject())));
        Assert.Empty(problems);
        Assert.Equal(2, stock.Count);
    }
}
