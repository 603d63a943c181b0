using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos;

/// <summary>
/// One of a tenant's webshops: its key (the scope every flow runs for), platform, connection and options. The
/// connections are given as the list <c>connections.webshops</c> and stored one per shop as <c>webshops.&lt;key&gt;</c>.
/// </summary>
public sealed record Webshop(string Key, string Platform, ConnectionInfo Connection, WebshopSettings Settings)
{
    public const string System = "webshops";

    public static readonly ConnectionSchema Schema = new(System, "Webshop",
    [
        new ConnectionField("platform", "Platform") { Choices = [ShopRenterAccount.Platform, UnasAccount.Platform] },
        new ConnectionField("shopName", "ShopRenter shop name", Required: false),
        new ConnectionField("clientId", "ShopRenter API client id", Required: false),
        new ConnectionField("clientSecret", "ShopRenter API client secret", Secret: true, Required: false),
        new ConnectionField("apiBaseUrl", "ShopRenter API address (ending in /api)", Required: false),
        new ConnectionField("tokenUrl", "ShopRenter token address", Required: false),
        new ConnectionField("apiKey", "UNAS API key", Secret: true, Required: false),
        new ConnectionField("baseUrl", "UNAS API address", Required: false),
    ])
    {
        Keyed = true,
        Test = TestAsync,
    };

    public bool IsUnas => Platform == UnasAccount.Platform;

    /// <summary>The keys of the tenant's webshops, in order: the scopes of every flow.</summary>
    public static IReadOnlyList<string> KeysOf(Tenant tenant) =>
        tenant.Connections.Select(c => Schema.KeyOf(c.System)).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The webshop a run is for (the mapping editor's samples, which run unscoped, take the first).</summary>
    /// <exception cref="RunStopped">No such webshop, or its options are missing.</exception>
    public static Webshop Of(FlowContext context)
    {
        var key = context.Scope ?? KeysOf(context.Tenant).FirstOrDefault()
                  ?? throw new RunStopped("The tenant has no webshop yet. Add one under connections.webshops.");
        var connection = context.Connection($"{System}.{key}");
        var settings = context.SettingsAs<WebshopsOkosSettings>().Webshops.GetValueOrDefault(key)
                       ?? throw new RunStopped($"The webshop \"{key}\" has no options yet: set settings.webshops.{key} (numbering sequence and warehouse).");
        return new Webshop(key, connection.Require("platform"), connection, settings);
    }

    /// <summary>Reads one product page (ShopRenter) or the warehouses (UNAS): proves the address and the credentials.</summary>
    private static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        if (connection.Require("platform") == UnasAccount.Platform)
        {
            var unas = UnasClient.For(connection, http);
            var warehouses = await unas.WarehousesAsync(ct);
            return $"Connected to the {unas.Account}; it has {warehouses.Count} warehouse{(warehouses.Count == 1 ? "" : "s")}.";
        }
        var shop = ShopRenterClient.For(connection, http);
        var page = await shop.ProductsAsync(0, 1, ct);
        return $"Connected to {shop.Account}; its product list answered ({page.PageCount} page{(page.PageCount == 1 ? "" : "s")} of one).";
    }
}
