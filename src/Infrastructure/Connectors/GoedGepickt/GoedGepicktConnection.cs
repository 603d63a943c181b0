using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>The fields of a tenant's GoedGepickt connection and the test behind "Test connection".</summary>
public static class GoedGepicktConnection
{
    public static readonly ConnectionSchema Schema = new(GoedGepicktAccount.System, "GoedGepickt",
    [
        new ConnectionField("baseUrl", "API address", Default: GoedGepicktAccount.DefaultBaseUrl),
        new ConnectionField("apiKey", "API key (Settings -> GoedGepickt API)", Secret: true),
        new ConnectionField("webshopUuid", "Webshop uuid (empty: every webshop)", Required: false),
        new ConnectionField("fulfilmentCustomerUuid", "Fulfilment customer uuid (fulfilment accounts only)", Required: false),
    ])
    {
        Test = TestAsync,
    };

    /// <summary>Lists the webshops, the call GoedGepickt's own clients use to test a key.</summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = GoedGepicktClient.For(connection, http);
        var page = await client.ListAsync("webshops", [], page: 1, ct);
        var count = page.TotalItems ?? page.Items.Count;
        return $"GoedGepickt accepted the key; it sees {count} webshop{(count == 1 ? "" : "s")}.";
    }
}
