using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

/// <summary>The fields of a tenant's Okos-Ügyvitel connection and the test behind "Test connection".</summary>
public static class OkosConnection
{
    public static readonly ConnectionSchema Schema = new(OkosAccount.System, "Okos-Ügyvitel",
    [
        new ConnectionField("baseUrl", "Address (before /api/v1)"),
        new ConnectionField("companyId", "Company id"),
        new ConnectionField("apiKey", "API key", Secret: true),
    ])
    {
        Test = TestAsync,
    };

    /// <summary>Reads the warehouses: proves the address, the company and the key.</summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = OkosClient.For(connection, http);
        var warehouses = await client.WarehousesAsync(ct);
        return $"Connected to {client.Account}; it has {warehouses.Count} warehouse{(warehouses.Count == 1 ? "" : "s")}.";
    }
}
