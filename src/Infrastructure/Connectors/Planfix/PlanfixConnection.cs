using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Planfix;

/// <summary>The fields of a tenant's Planfix connection and the test behind "Test connection".</summary>
public static class PlanfixConnection
{
    public const string System = "planfix";

    public static readonly ConnectionSchema Schema = new(System, "Planfix",
    [
        new ConnectionField("baseUrl", "REST API address (https://<account>.planfix.com/rest)"),
        new ConnectionField("token", "REST API token", Secret: true),
        new ConnectionField("hookToken", "Token of the scenario requests (X-Koppel-Token)", Secret: true, Required: false) { Generated = true },
    ])
    {
        Test = TestAsync,
    };

    /// <summary>Pings Planfix and counts the directories the token sees.</summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = PlanfixClient.For(connection, http);
        await client.GetAsync("/ping", ct);
        var directories = (await client.PostAsync("/directory/list", new() { ["offset"] = 0, ["pageSize"] = 100 }, ct))["directories"]?.AsArray().Count ?? 0;
        return $"Connected to Planfix at {client.BaseUrl}; the token sees {directories} director{(directories == 1 ? "y" : "ies")}.";
    }
}
