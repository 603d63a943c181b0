using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

public sealed class SupplierRulesTests
{
    [Theory]
    [InlineData("inkoop@hout.nl", true)]
    [InlineData("inkoop(at)hout.nl", false)]
    [InlineData("sales@hout", false)]
    [InlineData("two words@hout.nl", false)]
    public void Email_addresses_are_checked_as_Optiply_checks_them(string address, bool valid) =>
        Assert.Equal(valid, CheckSupplierEmail.Valid(address));

    [Fact]
    public void An_invalid_address_is_dropped_with_a_warning_only_when_emails_are_mapped()
    {
        var data = new JsonObject { ["Email"] = "inkoop(at)hout.nl" };

        var on = Assert.IsType<RuleDecision.Keep>(new CheckSupplierEmail(true).Apply(data));
        var off = Assert.IsType<RuleDecision.Keep>(new CheckSupplierEmail(false).Apply(data));

        Assert.Null(on.Data["Emails"]);
        Assert.Contains("not a valid address", Assert.Single(on.Warnings));
        Assert.Empty(off.Warnings);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0.0, null)]
    [InlineData(14.0, 14)]
    [InlineData(400.0, 365)]
    public void Delivery_time_is_1_to_365_days_or_none(double? leadDays, int? expected)
    {
        var keep = Assert.IsType<RuleDecision.Keep>(new SupplierDeliveryTime().Apply(new JsonObject { ["PurchaseLeadDays"] = leadDays }));

        Assert.Equal(expected, (int?)keep.Data["DeliveryTime"]);
    }

    [Fact]
    public void A_supplier_without_a_name_is_skipped_and_logged()
    {
        var skip = Assert.IsType<RuleDecision.Skip>(new SkipSupplierWithoutName().Apply(new JsonObject { ["Name"] = "  ", ["Code"] = "             50004" }));

        Assert.True(skip.Log);
        Assert.StartsWith("Supplier 50004 has no name", skip.Reason);
    }

    [Fact]
    public void A_record_whose_linked_product_is_missing_is_retried_naming_it()
    {
        var rule = new RequireLinked(("OptiplyProductId", RequireLinked.Named("Exact item", "ItemCode", "Item")));

        var retry = Assert.IsType<RuleDecision.Retry>(rule.Apply(new JsonObject { ["ItemCode"] = "ART-00005", ["OptiplyProductId"] = null }));

        Assert.StartsWith("Exact item ART-00005 is not in Optiply yet", retry.Reason);
        Assert.IsType<RuleDecision.Keep>(rule.Apply(new JsonObject { ["ItemCode"] = "ART-00005", ["OptiplyProductId"] = "123" }));
    }
}
