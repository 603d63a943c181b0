using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>
/// Orders read from the ShopRenter and UNAS emulators and written into the Okos-Ügyvitel emulator, all over loopback
/// HTTP; the assertions read what the ERP emulator holds afterwards.
/// </summary>
public sealed class OrderImportTests : IAsyncLifetime
{
    private const string Company = "c-1", ErpKey = "erp-key", Shop = "kertibutor", SrClient = "sr-c", SrSecret = "sr-s", UnasKey = "unas-k";
    private TestHub _hub = null!;

    private OkosSandbox Erp => _hub.Get<OkosSandbox>();
    private ShopRenterSandbox ShopRenter => _hub.Get<ShopRenterSandbox>();
    private UnasSandbox Unas => _hub.Get<UnasSandbox>();

    public async Task InitializeAsync()
    {
        _hub = await TestHub.StartAsync(s => s.AddOkosUgyvitel().AddShopRenter().AddUnas());
        Erp.Setup(Company, OkosSetup.Demo(ErpKey));
        ShopRenter.RegisterClient(Shop, SrClient, SrSecret);
        Unas.AddShop(UnasKey, "12345");
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private OkosOrderWriter Writer(string sequence, string warehouse) =>
        new(OkosClient.For(new ConnectionInfo(OkosAccount.System,
                new Dictionary<string, string> { ["baseUrl"] = OkosSandbox.BaseUrl(_hub.BaseAddress), ["companyId"] = Company },
                new Dictionary<string, string> { ["apiKey"] = ErpKey }), _hub.Get<ConnectorHttp>()),
            new WebshopSettings { NumberingSequence = sequence, WarehouseId = warehouse, StockWarehouses = [warehouse] });

    private async Task<List<WebshopOrder>> ShopRenterOrdersAsync()
    {
        var client = ShopRenterClient.For(new ConnectionInfo("webshops",
            new Dictionary<string, string>
            {
                ["shopName"] = Shop, ["clientId"] = SrClient, ["apiBaseUrl"] = ShopRenterSandbox.ApiBaseUrl(_hub.BaseAddress, Shop),
                ["tokenUrl"] = ShopRenterSandbox.TokenUrl(_hub.BaseAddress, Shop),
            }, new Dictionary<string, string> { ["clientSecret"] = SrSecret }), _hub.Get<ConnectorHttp>());
        var page = await client.OrdersAsync(1, null, 0);
        return page.Items.Select(o => ShopRenterOrderReader.Read(o, "sr1").Order!).ToList();
    }

    private async Task<List<WebshopOrder>> UnasOrdersAsync()
    {
        var client = UnasClient.For(new ConnectionInfo("webshops", new Dictionary<string, string> { ["baseUrl"] = UnasSandbox.BaseUrl(_hub.BaseAddress) },
            new Dictionary<string, string> { ["apiKey"] = UnasKey }), _hub.Get<ConnectorHttp>());
        return (await client.OrdersAsync(0, 0)).Select(o => UnasOrderReader.Read(o, "un1").Order!).ToList();
    }

    private static ShopRenterOrderSeed SrOrder(string email, int? customerId, string sku) => new()
    {
        Firstname = "Anna", Lastname = "Kovács", Email = email, CustomerId = customerId, Comment = "Délután",
        Lines = [new(sku, "Kerti szék", 2, 12000)],
        Totals = [new("SHIPPING", "Szállítási díj:", 1490), new("PAYMENT", "Utánvét díja", 300), new("COUPON", "Kupon (NYAR10)", -2400)],
        Coupon = new("NYAR10", "PERCENT", 10),
    };

    [Fact]
    public async Task ShopRenter_orders_become_order_documents_with_matched_or_created_customers_products_services_and_methods()
    {
        var registered = Erp.With(Company, c => c.AddCustomer(new() { ["name"] = "Kovács Anna", ["email"] = "anna@example.hu", ["webshopCustomerId"] = "sr1:501" }));
        var known = Erp.With(Company, c => c.CreateProduct("KB-100", "Kerti szék", 12000));
        ShopRenter.AddOrder(Shop, SrOrder("anna@example.hu", 501, "KB-100"));
        ShopRenter.AddOrder(Shop, SrOrder("guest@example.hu", null, "KB-200"));
        ShopRenter.AddOrder(Shop, SrOrder("guest@example.hu", null, "KB-200"));

        var writer = Writer("SR", "2");
        foreach (var order in await ShopRenterOrdersAsync()) await writer.WriteAsync(order, default);

        var documents = Erp.With(Company, c => c.Documents);
        Assert.Equal(["SR-00001", "SR-00002", "SR-00003"], documents.Select(d => d["number"]!.ToString()).ToList());
        Assert.All(documents, d => Assert.Equal("2", d["warehouseId"]!.ToString()));
        Assert.Equal(("1", "Délután"), (documents[0]["headerNote"]!.ToString(), documents[0]["internalNote"]!.ToString()));
        Assert.Equal(registered, documents[0]["customerId"]!.ToString());
        Assert.Equal(documents[1]["customerId"]!.ToString(), documents[2]["customerId"]!.ToString());
        Assert.Equal(2, Erp.With(Company, c => c.Customers).Count);
        Assert.Equal(known, documents[0]["lines"]![0]!["productId"]!.ToString());
        Assert.Equal(["KB-100", "KB-200"], Erp.With(Company, c => c.Products).Select(p => p["code"]!.ToString()).ToList());
        Assert.Equal(["Szállítási díj", "Utánvét díja", "Kupon (NYAR10)"], Erp.With(Company, c => c.Services).Select(s => s["name"]!.ToString()).ToList());
        Assert.Equal(["Utánvét"], Erp.With(Company, c => c.PaymentMethods).Select(m => m["name"]!.ToString()).ToList());
        Assert.Equal(["GLS futárszolgálat"], Erp.With(Company, c => c.ShippingMethods).Select(m => m["name"]!.ToString()).ToList());
        var reserved = Erp.With(Company, c => c.Stock("2")).Single(r => r["productCode"]!.ToString() == "KB-200");
        Assert.Equal(4m, reserved["reserved"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task UNAS_orders_file_under_their_own_sequence_with_fee_and_discount_services()
    {
        Unas.AddOrder(UnasKey, new UnasOrderSeed
        {
            Name = "Szabó Péter", Email = "peter@example.hu", Comment = "Kapucsengő 12", InvoiceStatus = 1,
            Items = [new("CS-200", "Csiszológép", 1, 19990), new("shipping-cost", "Szállítási költség", 1, 1490),
                     new("handel-cost", "Kezelési költség", 1, 300), new("discount-amount", "Kedvezmény", 1, -500)],
        });
        var writer = Writer("UN", "1");
        foreach (var order in await UnasOrdersAsync()) await writer.WriteAsync(order, default);

        var document = Assert.Single(Erp.With(Company, c => c.Documents));
        Assert.Equal(("UN-00001", "12345-1001", "Kapucsengő 12"), (document["number"]!.ToString(), document["headerNote"]!.ToString(), document["internalNote"]!.ToString()));
        Assert.Equal("un1:12345-1001", document["externalId"]!.ToString());
        Assert.Equal(4, document["lines"]!.AsArray().Count);
        Assert.Equal(["Szállítási költség", "Kezelési költség", "Kedvezmény"], Erp.With(Company, c => c.Services).Select(s => s["name"]!.ToString()).ToList());
    }

    [Fact]
    public async Task An_unknown_vat_key_fails_the_order_naming_the_key_until_the_key_exists()
    {
        ShopRenter.AddOrder(Shop, SrOrder("anna@example.hu", null, "KB-100") with { Lines = [new("KB-100", "Kerti szék", 1, 12000, TaxRate: 12)] });
        var order = Assert.Single(await ShopRenterOrdersAsync());
        var e = await Assert.ThrowsAsync<SyncProblem>(() => Writer("SR", "1").WriteAsync(order, default));
        Assert.Contains("\"12%\"", e.Message);
        Assert.Empty(Erp.With(Company, c => c.Documents));

        Erp.With(Company, c => c.AddVatKey("12%", 12));
        await Writer("SR", "1").WriteAsync(order, default);
        Assert.Single(Erp.With(Company, c => c.Documents));
    }

    [Fact]
    public async Task Writing_an_order_again_returns_the_first_document_and_finds_it_by_external_id()
    {
        ShopRenter.AddOrder(Shop, SrOrder("anna@example.hu", null, "KB-100"));
        var order = Assert.Single(await ShopRenterOrdersAsync());
        var writer = Writer("SR", "1");
        Assert.Null(await writer.FindAsync(order.ExternalId, default));
        var first = await writer.WriteAsync(order, default);
        var second = await Writer("SR", "1").WriteAsync(order, default);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Id, await writer.FindAsync(order.ExternalId, default));
        Assert.Single(Erp.With(Company, c => c.Documents));
    }
}
