using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Domain.Tests.Integrations.WebshopsOkos;

public sealed class OrderRulesTests
{
    [Fact]
    public void A_registered_buyer_is_looked_up_by_the_webshop_key_and_the_shops_customer_id()
    {
        var lookup = CustomerMatch.LookupFor(Orders.Of(customerId: "501"));
        Assert.Equal(new CustomerLookup("sr1:501", null, null), lookup);
        Assert.Equal("sr1:501", CustomerMatch.NewCustomer(Orders.Of(customerId: "501"))["webshopCustomerId"]!.ToString());
    }

    [Fact]
    public void A_guest_is_looked_up_by_name_and_email_and_created_without_a_shop_id()
    {
        var order = Orders.Of();
        Assert.Equal(new CustomerLookup(null, "Kovács Anna", "anna@example.hu"), CustomerMatch.LookupFor(order));
        var created = CustomerMatch.NewCustomer(order);
        Assert.Null(created["webshopCustomerId"]);
        Assert.Equal("1051", created["billingAddress"]!["zip"]!.ToString());
    }

    [Theory]
    [InlineData("27.0000", "27%")]
    [InlineData("27%", "27%")]
    [InlineData("5", "5%")]
    [InlineData("18.00", "18%")]
    [InlineData("aam", "AAM")]
    public void Vat_texts_become_the_short_name(string text, string shortName) => Assert.Equal(shortName, VatKeys.ShortName(text));

    [Fact]
    public void An_unknown_vat_key_is_named_in_the_reason()
    {
        var order = Orders.Of(vat: "18%", services: new ServiceLine(ServiceKind.Shipping, "Szállítás", 1490, "27%"));
        var unknown = VatKeys.FirstUnknown(order, new HashSet<string> { "27%", "5%" });
        Assert.Equal("18%", unknown);
        Assert.Contains("\"18%\"", VatKeys.UnknownReason(unknown!));
        Assert.Null(VatKeys.FirstUnknown(order, new HashSet<string> { "27%", "18%" }));
    }

    [Fact]
    public void The_document_files_the_order_in_the_webshops_sequence_and_warehouse_with_code_and_comment_as_notes()
    {
        var order = Orders.Of(services: [new ServiceLine(ServiceKind.Coupon, "Kupon (NYAR10)", -2400, "27%", 10)]);
        var ids = new ResolvedOrder("c1", new Dictionary<string, string> { ["KB-100"] = "p1" }, new Dictionary<string, string> { ["Kupon (NYAR10)"] = "s1" }, "pm1", "sm1");
        var document = OrderDocument.Build(order, ids, new WebshopSettings { NumberingSequence = "SR", WarehouseId = "2" });
        Assert.Equal(("order", "SR", "2", "sr1:172"), (document["type"]!.ToString(), document["numberingSequence"]!.ToString(), document["warehouseId"]!.ToString(), document["externalId"]!.ToString()));
        Assert.Equal(("172", "Délután hozzák", "2026-12-01"), (document["headerNote"]!.ToString(), document["internalNote"]!.ToString(), document["date"]!.ToString()));
        Assert.Equal(("pm1", "sm1", "c1"), (document["paymentMethodId"]!.ToString(), document["shippingMethodId"]!.ToString(), document["customerId"]!.ToString()));
        var lines = document["lines"]!.AsArray();
        Assert.Equal("p1", lines[0]!["productId"]!.ToString());
        Assert.Equal(("s1", -2400m, 10m), (lines[1]!["serviceId"]!.ToString(), lines[1]!["netUnitPrice"]!.GetValue<decimal>(), lines[1]!["discountPercent"]!.GetValue<decimal>()));
    }

    [Theory]
    [InlineData(OrderStatuses.All, 0, true)]
    [InlineData(OrderStatuses.Invoiceable, 0, false)]
    [InlineData(OrderStatuses.Invoiceable, 1, true)]
    [InlineData(OrderStatuses.Invoiceable, 2, true)]
    public void The_unas_invoiceable_option_takes_status_1_or_2(OrderStatuses option, int status, bool imported) =>
        Assert.Equal(imported, UnasOrderFilter.Imports(option, status));

    [Fact]
    public void Stock_is_the_free_stock_of_the_chosen_warehouses_never_below_zero()
    {
        Assert.Equal(7, StockAndPrice.ShopQuantity([("1", 5), ("2", 2), ("3", 100)], ["1", "2"]));
        Assert.Equal(0, StockAndPrice.ShopQuantity([("1", -5), ("2", 2)], ["1", "2"]));
    }

    [Fact]
    public void Prices_and_quantities_are_written_only_when_they_differ()
    {
        Assert.False(StockAndPrice.PriceDiffers(1000.0000m, 1000m));
        Assert.True(StockAndPrice.PriceDiffers(1000m, 1000.5m));
        Assert.False(StockAndPrice.QuantityDiffers(3m, 3.0m));
        Assert.True(StockAndPrice.QuantityDiffers(3m, 2m));
    }
}
