using System.Text.Json.Nodes;
using System.Xml.Linq;
using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Domain.Tests.Integrations.WebshopsOkos;

public sealed class OrderReaderTests
{
    private static JsonObject ShopRenterOrder(string? customerHref) => JsonNode.Parse($$"""
    {"id":"b3JkZXItb3JkZXJfaWQ9MTcy","innerId":"172","dateCreated":"2026-12-01T10:00:00","firstname":"Anna","lastname":"Kovács",
     "email":"anna@example.hu","phone":"","taxNumber":"","customer":{{(customerHref is null ? "null" : $"{{\"href\":\"{customerHref}\"}}")}},
     "paymentPostcode":"1051","paymentCity":"Budapest","paymentAddress1":"Nádor utca 1.","paymentAddress2":"","paymentCountryName":"Magyarország",
     "paymentMethodName":"Utánvét","paymentMethodTaxRate":"27.0000","shippingMethodName":"GLS","shippingMethodTaxRate":"27.0000","couponTaxRate":"5.0000",
     "comment":"Csengessen","currency":{"code":"HUF","value":"1.0000"},"coupon":{"code":"NYAR10","discountType":"PERCENT","value":"10.0000"},
     "orderProducts":[{"name":"Kerti szék","sku":"KB-100","price":"12000.0000","taxRate":"27.0000","stock1":"2","stock2":"1","stock3":"0","stock4":"0"}],
     "orderTotals":[{"name":"Nettó részösszeg:","value":"36000.0000","type":"SUB_TOTAL"},{"name":"Szállítási díj:","value":"1490.0000","type":"SHIPPING"},
                    {"name":"Kezelési költség","value":"0.0000","type":"PAYMENT"},{"name":"Kupon (NYAR10)","value":"-3600.0000","type":"COUPON"}]}
    """)!.AsObject();

    [Fact]
    public void A_ShopRenter_order_gives_lines_services_coupon_notes_and_a_registered_buyer()
    {
        var (order, problem) = ShopRenterOrderReader.Read(ShopRenterOrder(".../customers/Y3VzdG9tZXItY3VzdG9tZXJfaWQ9NTAx"), "sr1");
        Assert.Null(problem);
        Assert.Equal(("172", "501", "Kovács Anna", "Csengessen"), (order!.Code, order.Buyer.ShopCustomerId, order.Buyer.Name, order.Comment));
        var line = Assert.Single(order.Lines);
        Assert.Equal(("KB-100", 3m, 12000m, "27%"), (line.Code, line.Quantity, line.NetUnitPrice, line.VatKey));
        Assert.Equal([(ServiceKind.Shipping, "Szállítási díj", 1490m, "27%"), (ServiceKind.Coupon, "Kupon (NYAR10)", -3600m, "5%")],
            order.Services.Select(s => (s.Kind, s.Name, s.NetAmount, s.VatKey)).ToList());
        Assert.Equal(10m, order.Services[1].DiscountPercent);
    }

    [Fact]
    public void A_ShopRenter_guest_has_no_shop_customer_id() =>
        Assert.Null(ShopRenterOrderReader.Read(ShopRenterOrder(null), "sr1").Order!.Buyer.ShopCustomerId);

    [Fact]
    public void An_UNAS_order_gives_service_lines_from_markers_in_Id_or_Sku_and_the_invoice_status()
    {
        var xml = XElement.Parse("""
        <Order><Key>12345-1001</Key><Date>2026.12.01 09:00:00</Date><Currency>HUF</Currency>
          <Comments><Comment><Type>admin</Type><Text>belső</Text></Comment><Comment><Type>customer</Type><Text><![CDATA[Kapucsengő: 12]]></Text></Comment></Comments>
          <Payment><Name>Átutalás</Name></Payment><Shipping><Name>MPL házhoz</Name></Shipping><Invoice><Status>1</Status></Invoice>
          <Customer><Id></Id><Email>peter@example.hu</Email><Contact><Name>Szabó Péter</Name><Phone>+36 1</Phone></Contact>
            <Addresses><Invoice><Name>Szabó Péter</Name><ZIP>6720</ZIP><City>Szeged</City><Street>Kárász utca 5.</Street><Country>Magyarország</Country></Invoice></Addresses></Customer>
          <Items>
            <Item><Id>88</Id><Sku>CS-200</Sku><Name>Csiszológép</Name><Unit>db</Unit><Quantity>1</Quantity><PriceNet>19990</PriceNet><Vat>27%</Vat></Item>
            <Item><Id>shipping-cost</Id><Sku></Sku><Name>Szállítási költség</Name><Quantity>1</Quantity><PriceNet>1490</PriceNet><Vat>27%</Vat></Item>
            <Item><Id>5</Id><Sku>handel-cost</Sku><Name>Kezelési költség</Name><Quantity>1</Quantity><PriceNet>300</PriceNet><Vat>27%</Vat></Item>
            <Item><Id>discount-percent</Id><Name>Kedvezmény 5%</Name><Quantity>1</Quantity><PriceNet>-999.5</PriceNet><Vat>27%</Vat></Item>
            <Item><Id>discount-amount</Id><Name>Kedvezmény</Name><Quantity>1</Quantity><PriceNet>-500</PriceNet><Vat>27%</Vat></Item>
          </Items></Order>
        """);
        var (order, problem) = UnasOrderReader.Read(xml, "un1");
        Assert.Null(problem);
        Assert.Equal(("12345-1001", null, "Szabó Péter", "Kapucsengő: 12", 1), (order!.Code, order.Buyer.ShopCustomerId, order.Buyer.Name, order.Comment, order.InvoiceStatus));
        Assert.Equal("CS-200", Assert.Single(order.Lines).Code);
        Assert.Equal([ServiceKind.Shipping, ServiceKind.PaymentFee, ServiceKind.PercentDiscount, ServiceKind.FixedDiscount], order.Services.Select(s => s.Kind).ToList());
        Assert.Equal("un1:12345-1001", order.ExternalId);
    }

    [Fact]
    public void An_order_line_without_a_product_code_is_a_problem_naming_the_line()
    {
        var json = ShopRenterOrder(null);
        json["orderProducts"]![0]!["sku"] = "";
        var (order, problem) = ShopRenterOrderReader.Read(json, "sr1");
        Assert.Null(order);
        Assert.Contains("Kerti szék", problem);
    }
}
