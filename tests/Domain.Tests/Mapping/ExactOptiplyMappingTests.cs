using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

/// <summary>
/// Rows of the Exact Online -> Optiply mapping tables (seed 001) written as mappings. The seed leaves some
/// conditions blank; where it does, the condition used here is the evident one and is named in the test.
/// Tenant options reach a rule as fields of the source record under "settings".
/// </summary>
public class ExactOptiplyMappingTests
{
    public static readonly FieldMapping Products = FieldMapping.Of(
        ("remoteId", Rules.Copy("ID")),
        ("name", Rules.Copy("Description")),
        ("skuCode", Rules.Copy("Code")),
        ("articleCode", Rules.Copy("SearchCode")),
        // The price-selection rule puts the chosen price (no end date, no customer, default unit) in SalesPrice.
        ("price", Rules.If(Cond.IsNotEmpty(Rules.Copy("SalesPrice")), Rules.Copy("SalesPrice"), Rules.Const(0))),
        ("unlimitedStock", Rules.If(Cond.Equals(Rules.Copy("IsStockItem"), false), Rules.Const(true), Rules.Const(false))),
        ("stockLevel", Rules.Copy("Stock")),
        ("status", Rules.If(
            Cond.Or(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), Cond.Equals(Rules.Copy("IsMakeItem"), true)),
            Rules.Const("enabled"),
            Rules.Const("disabled"))),
        ("eanCode", Rules.Copy("Barcode")),
        ("assembled", Rules.If(Cond.Equals(Rules.Copy("IsMakeItem"), true), Rules.Const(true), Rules.Const(false))));

    public static readonly FieldMapping SupplierProducts = FieldMapping.Of(
            ("remoteId", Rules.Copy("ID")),
            ("price", Rules.If(Cond.Equals(Rules.Copy("settings.useLot"), true),
                Rules.Round(Rules.Divide(Rules.Copy("PurchasePrice"), Rules.Copy("PurchaseLotSize")), 2),
                Rules.Copy("PurchasePrice"))),
            ("skuCode", Rules.Copy("SupplierItemCode")),
            ("status", Rules.Const("enabled")),
            ("eanCode", Rules.Copy("Item.Barcode")),
            ("lotSize", Rules.If(Cond.GreaterThan(Rules.Copy("PurchaseLotSize"), 0), Rules.Copy("PurchaseLotSize"), Rules.Const(1))),
            ("minimumPurchaseQuantity", Rules.If(Cond.GreaterThan(Rules.Copy("MinimumQuantity"), 0), Rules.Copy("MinimumQuantity"), Rules.Const(1))),
            ("deliveryTime", Rules.If(Cond.IsNotEmpty(Rules.Copy("PurchaseLeadTime")), Rules.Copy("PurchaseLeadTime"))),
            ("preferred", Rules.If(Cond.Equals(Rules.Copy("MainSupplier"), true), Rules.Const(true), Rules.Const(false))))
        // (*1) not mapped by default; (*2) preferred is.
        .WithEnabled("lotSize", false)
        .WithEnabled("minimumPurchaseQuantity", false)
        .WithEnabled("deliveryTime", false);

    [Fact]
    public void A_purchasable_item_becomes_an_enabled_Optiply_product()
    {
        var result = MappingEngine.Apply(Products, ExactSamples.Item());

        Assert.Empty(result.Problems);
        Assert.Equal(
            """{"remoteId":"5c1f0b38-1d7e-4a8e-9a4a-0d2f4c7e9b11","name":"Koffiebonen 1kg","skuCode":"KOF-1000","articleCode":"KOF1","price":12.95,"unlimitedStock":false,"stockLevel":12.0,"status":"enabled","eanCode":"8712345678906","assembled":false}""",
            result.Payload.ToJsonString());
    }

    [Fact]
    public void An_item_neither_purchased_nor_made_becomes_a_disabled_product()
    {
        var item = ExactSamples.Item();
        item["IsPurchaseItem"] = false;

        Assert.Equal("\"disabled\"", MappingEngine.Apply(Products, item).Payload["status"]!.ToJsonString());
    }

    [Fact]
    public void A_made_item_is_assembled_and_enabled()
    {
        var item = ExactSamples.Item();
        item["IsPurchaseItem"] = false;
        item["IsMakeItem"] = true;

        var payload = MappingEngine.Apply(Products, item).Payload;

        Assert.Equal("true", payload["assembled"]!.ToJsonString());
        Assert.Equal("\"enabled\"", payload["status"]!.ToJsonString());
    }

    [Fact]
    public void A_customer_who_opts_out_of_stockLevel_gets_no_stockLevel()
    {
        var payload = MappingEngine.Apply(Products.WithEnabled("stockLevel", false), ExactSamples.Item()).Payload;

        Assert.False(payload.ContainsKey("stockLevel"));
    }

    [Fact]
    public void A_supplier_product_by_default_maps_status_enabled_and_preferred_but_not_the_optional_fields()
    {
        var result = MappingEngine.Apply(SupplierProducts, ExactSamples.SupplierItem());

        Assert.Empty(result.Problems);
        Assert.Equal(
            """{"remoteId":"a8d2e4f0-3b7c-4c1d-8e9f-112233445566","price":42.00,"skuCode":"LEV-77","status":"enabled","eanCode":"8712345678906","preferred":true}""",
            result.Payload.ToJsonString());
    }

    [Fact]
    public void A_supplier_product_with_lot_size_enabled_takes_Exacts_purchase_lot_size()
    {
        var payload = MappingEngine.Apply(SupplierProducts.WithEnabled("lotSize", true), ExactSamples.SupplierItem()).Payload;

        Assert.Equal("6", payload["lotSize"]!.ToJsonString());
    }

    [Fact]
    public void A_supplier_product_without_a_purchase_lot_size_gets_lot_size_1()
    {
        var item = ExactSamples.SupplierItem();
        item["PurchaseLotSize"] = 0;

        var payload = MappingEngine.Apply(SupplierProducts.WithEnabled("lotSize", true), item).Payload;

        Assert.Equal("1", payload["lotSize"]!.ToJsonString());
    }

    [Fact]
    public void When_the_customer_uses_lots_the_supplier_price_is_per_piece()
    {
        var item = ExactSamples.SupplierItem();
        item["settings"] = Map.Source("""{"useLot":true}""");

        Assert.Equal("7", MappingEngine.Apply(SupplierProducts, item).Payload["price"]!.ToJsonString());
    }

    [Fact]
    public void A_buy_order_line_sent_to_Exact_counts_lots_when_the_customer_uses_lots()
    {
        // Buy Order Lines OP > Exact: quantity = IF useLot=true THEN quantity / lotSize Otherwise quantity.
        var quantity = Rules.If(Cond.Equals(Rules.Copy("settings.useLot"), true),
            Rules.Divide(Rules.Copy("quantity"), Rules.Copy("product.lotSize")),
            Rules.Copy("quantity"));

        Assert.Equal("4", Map.Json(quantity, Map.Source("""{"quantity":24,"product":{"lotSize":6},"settings":{"useLot":true}}""")));
        Assert.Equal("24", Map.Json(quantity, Map.Source("""{"quantity":24,"product":{"lotSize":6},"settings":{"useLot":false}}""")));
    }

    [Fact]
    public void A_sales_order_maps_placed_from_Exacts_date_and_leaves_completed_empty_until_delivered()
    {
        var mapping = FieldMapping.Of(
            ("totalValue", Rules.Copy("AmountDC")),
            ("remoteId", Rules.Copy("OrderID")),
            ("placed", Rules.FormatDate(Rules.Copy("OrderDate"), "yyyy-MM-ddTHH:mm:ssZ")),
            ("completed", Rules.FormatDate(Rules.Copy("DeliveryDate"), "yyyy-MM-ddTHH:mm:ssZ")));

        var result = MappingEngine.Apply(mapping, ExactSamples.SalesOrder());

        Assert.Equal(
            """{"totalValue":129.95,"remoteId":"0f6e2c8a-9b1d-4e3f-a5c7-d8e9f0a1b2c3","placed":"2023-11-14T22:13:20Z","completed":null}""",
            result.Payload.ToJsonString());
    }

    [Fact]
    public void A_buy_order_from_Exact_is_completed_now_when_order_or_receipt_status_is_30_or_40()
    {
        var completed = Rules.If(
            Cond.Or(Cond.In(Rules.Copy("OrderStatus"), 30, 40), Cond.In(Rules.Copy("ReceiptStatus"), 30, 40)),
            Rules.Now());
        var context = new MappingContext(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero));

        Assert.Equal("\"2024-03-01T09:30:00+00:00\"", Map.Json(completed, Map.Source("""{"OrderStatus":20,"ReceiptStatus":30}"""), context));
        Assert.Equal("null", Map.Json(completed, Map.Source("""{"OrderStatus":20,"ReceiptStatus":20}"""), context));
    }

    [Fact]
    public void A_buy_order_sent_to_Exact_is_received_after_the_suppliers_delivery_time_or_else_the_next_working_day()
    {
        var receiptDate = Rules.If(Cond.IsEmpty(Rules.Copy("supplier.deliveryTime")),
            Rules.AddWorkingDays(Rules.Copy("OrderSyncDateTime"), Rules.Const(1)),
            Rules.AddDays(Rules.Copy("OrderSyncDateTime"), Rules.Copy("supplier.deliveryTime")));

        Assert.Equal("\"2024-03-04T09:30:00+00:00\"",
            Map.Json(receiptDate, Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z","supplier":{"deliveryTime":null}}""")));
        Assert.Equal("\"2024-03-04T09:30:00+00:00\"",
            Map.Json(receiptDate, Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z","supplier":{}}""")));
        Assert.Equal("\"2024-03-11T09:30:00+00:00\"",
            Map.Json(receiptDate, Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z","supplier":{"deliveryTime":10}}""")));
    }

    [Fact]
    public void The_default_mappings_pass_the_validator()
    {
        Assert.True(new FieldMappingValidator().Validate(Products).IsValid);
        Assert.True(new FieldMappingValidator().Validate(SupplierProducts).IsValid);
    }
}
