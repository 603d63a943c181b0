using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.GoedGepicktOptiply;

public sealed class ProductAndSupplierRulesTests
{
    private static JsonObject Kept(RuleDecision decision) => Assert.IsType<RuleDecision.Keep>(decision).Data;

    [Fact]
    public void A_product_flagged_ignore_for_Optiply_is_skipped_with_the_reason_logged()
    {
        var skip = Assert.IsType<RuleDecision.Skip>(new SkipIgnoredProduct().Apply(new JsonObject { ["sku"] = "GG-1", ["ignoreForOptiply"] = true }));
        Assert.True(skip.Log);
        Assert.Contains("GG-1", skip.Reason);
        Assert.IsType<RuleDecision.Keep>(new SkipIgnoredProduct().Apply(new JsonObject { ["sku"] = "GG-2", ["ignoreForOptiply"] = false }));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(null, false)]
    public void Not_purchasable_means_phased_out(bool? purchasable, bool notBeingBought) =>
        Assert.Equal(notBeingBought, (bool)Kept(new PhaseOutWhenNotPurchasable().Apply(new JsonObject { ["purchasable"] = purchasable }))["NotBeingBought"]!);

    [Fact]
    public void A_fulfilment_account_keeps_only_its_own_customers_records()
    {
        var rule = new OnlyFulfilmentCustomer("c-1");
        Assert.IsType<RuleDecision.Keep>(rule.Apply(new JsonObject { ["fulfilmentCustomerUuid"] = "C-1" }));
        Assert.IsType<RuleDecision.Skip>(rule.Apply(new JsonObject { ["fulfilmentCustomerUuid"] = "c-2" }));
        Assert.IsType<RuleDecision.Skip>(rule.Apply(new JsonObject()));
        Assert.IsType<RuleDecision.Keep>(new OnlyFulfilmentCustomer(null).Apply(new JsonObject { ["fulfilmentCustomerUuid"] = "c-2" }));
    }

    [Theory]
    [InlineData("yes", false, true)]
    [InlineData("no", true, false)]
    [InlineData("default", true, true)]
    [InlineData(null, false, false)]
    public void Backorders_tri_state(string? value, bool companySetting, bool expected) =>
        Assert.Equal(expected, SupplierFigures.Backorders(value, companySetting));

    [Fact]
    public void A_supplier_gets_its_email_as_a_list_and_the_threshold_from_the_options()
    {
        var data = Kept(new SupplierFigures(new SupplierDefaults { BackorderThreshold = 4 }).Apply(new JsonObject { ["name"] = "Koffie BV", ["email"] = " a@b.nl " }));
        Assert.Equal("a@b.nl", (string?)data["Emails"]![0]);
        Assert.Equal(4, (int)data["BackorderThreshold"]!);
        Assert.IsType<RuleDecision.Skip>(new SupplierFigures(new SupplierDefaults()).Apply(new JsonObject { ["name"] = " " }));
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(0, null)]
    [InlineData(null, null)]
    public void Order_in_multiples_of_becomes_the_lot_size_when_at_least_one(int? multiple, int? lotSize) =>
        Assert.Equal(lotSize, (int?)Kept(new LotSizeFromOrderMultiple().Apply(new JsonObject { ["orderInMultiplesOf"] = multiple }))["LotSize"]);

    [Fact]
    public void The_products_mapping_follows_the_translation_table()
    {
        var data = Kept(new PhaseOutWhenNotPurchasable().Apply(new JsonObject
        {
            ["name"] = " Koffie ", ["sku"] = "GG-1", ["price"] = "2299.00", ["purchasable"] = false,
            ["stock"] = new JsonObject { ["freeStock"] = -4, ["unlimitedStock"] = true },
        }));
        var payload = MappingEngine.Apply(DefaultMappings.Products, data).Payload;
        Assert.Equal("Koffie", (string?)payload["name"]);
        Assert.Equal("GG-1", (string?)payload["skuCode"]);
        Assert.Equal(2299m, decimal.Parse(payload["price"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-4m, decimal.Parse(payload["stockLevel"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((bool)payload["unlimitedStock"]!);
        Assert.True((bool)payload["notBeingBought"]!);
    }
}
