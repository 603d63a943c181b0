using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Readiness;

namespace Koppel.Domain.Tests.Integrations.GoedGepicktOptiply;

public sealed class ReadinessRulesTests
{
    private const string App = "https://account.goedgepickt.nl";

    private static JsonObject Product(string id, bool supplier = true, int freeStock = 5, bool? allowBackorders = null, int? multiple = 6) => new()
    {
        ["uuid"] = id, ["name"] = $"Product {id}", ["sku"] = $"SKU-{id}",
        ["supplier"] = supplier ? new JsonObject { ["uuid"] = "s1", ["name"] = "Leverancier" } : null,
        ["stock"] = new JsonObject { ["freeStock"] = freeStock },
        ["allowBackorders"] = allowBackorders, ["orderInMultiplesOf"] = multiple,
    };

    private static JsonObject Supplier(string id, string? email) => new() { ["uuid"] = id, ["name"] = $"Leverancier {id}", ["email"] = email };

    private static ReadinessCheck Check(IReadOnlyList<ReadinessCheck> checks, string key) => Assert.Single(checks, c => c.Key == key);

    [Fact]
    public void A_ready_account_passes_all_four_checks_in_the_seeds_order()
    {
        var checks = ReadinessRules.Run([Product("p1"), Product("p2", freeStock: -3, allowBackorders: true)], [Supplier("s1", "inkoop@leverancier.example")], App);

        Assert.Equal(
            [ReadinessRules.ProductsWithoutSupplier, ReadinessRules.SuppliersWithoutEmail, ReadinessRules.NegativeStockWithoutBackorders, ReadinessRules.ProductsWithoutOrderMultiple],
            checks.Select(c => c.Key));
        Assert.All(checks, c => Assert.True(c.Passed && c.Count == 0 && c.Examples.Count == 0));
    }

    [Fact]
    public void Each_offending_record_is_counted_under_every_check_it_fails_with_a_link_to_it()
    {
        var checks = ReadinessRules.Run(
            [Product("p1", supplier: false), Product("p2", freeStock: -1), Product("p3", multiple: null), Product("p4", supplier: false, multiple: 0), Product("p5")],
            [Supplier("s1", null), Supplier("s2", "geen-adres"), Supplier("s3", "inkoop@leverancier.example")], App);

        var withoutSupplier = Check(checks, ReadinessRules.ProductsWithoutSupplier);
        Assert.False(withoutSupplier.Passed);
        Assert.Equal(2, withoutSupplier.Count);
        Assert.Equal(["p1", "p4"], withoutSupplier.Examples.Select(e => e.Id));
        Assert.Equal("Product p1", withoutSupplier.Examples[0].Name);
        Assert.Equal($"{App}/products/p1", withoutSupplier.Examples[0].Url);
        Assert.Equal(["p2"], Check(checks, ReadinessRules.NegativeStockWithoutBackorders).Examples.Select(e => e.Id));
        Assert.Equal(["p3", "p4"], Check(checks, ReadinessRules.ProductsWithoutOrderMultiple).Examples.Select(e => e.Id));
        var suppliers = Check(checks, ReadinessRules.SuppliersWithoutEmail);
        Assert.Equal(["s1", "s2"], suppliers.Examples.Select(e => e.Id));
        Assert.Equal($"{App}/suppliers/s1", suppliers.Examples[0].Url);
    }

    [Fact]
    public void A_check_shows_the_first_five_offenders_and_counts_them_all()
    {
        var check = Check(ReadinessRules.Run(Enumerable.Range(1, 12).Select(i => Product($"p{i}", supplier: false)), [], App), ReadinessRules.ProductsWithoutSupplier);

        Assert.Equal(12, check.Count);
        Assert.Equal(Checklist.ExampleCount, check.Examples.Count);
    }

    [Fact]
    public void A_fulfilment_account_passes_the_supplier_check_because_its_suppliers_do_not_sync()
    {
        var check = Check(ReadinessRules.Run([Product("p1")], suppliers: null, App), ReadinessRules.SuppliersWithoutEmail);

        Assert.True(check.Passed);
        Assert.Equal(0, check.Count);
    }
}
