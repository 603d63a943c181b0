using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.MoySklad;

/// <summary>The fields of a tenant's MoySklad connection and the test behind "Test connection".</summary>
public static class MoySkladConnection
{
    public const string System = "moySklad";

    public static readonly ConnectionSchema Schema = new(System, "MoySklad",
    [
        new ConnectionField("baseUrl", "API address", Default: MoySkladClient.DefaultBaseUrl),
        new ConnectionField("token", "Access token (of a MoySklad user with administrator rights)", Secret: true),
    ])
    {
        Test = TestAsync,
    };

    /// <summary>Reads the price types and one product: proves the address, the token and the rights.</summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = MoySkladClient.For(connection, http);
        var priceTypes = await client.ReadAsync("/context/companysettings/pricetype", ct) as JsonArray ?? [];
        var products = await client.ReadAsync("/entity/product?limit=1", ct);
        var size = products?["meta"]?["size"]?.GetValue<int>() ?? 0;
        return $"Connected to MoySklad: {size} product{(size == 1 ? "" : "s")}, price types {string.Join(", ", priceTypes.Select(p => p?["name"]?.ToString()))}.";
    }
}
