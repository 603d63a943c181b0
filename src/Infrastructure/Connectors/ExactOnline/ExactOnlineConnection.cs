using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>The fields of an Exact Online connection and its test.</summary>
public static class ExactOnlineConnection
{
    public const string System = "exactOnline";
    /// <summary>The Dutch host (Optiply's default); other countries use .be, .de, .fr, .es, .co.uk or .com.</summary>
    public const string DefaultBaseUrl = "https://start.exactonline.nl";

    public static ConnectionSchema Schema { get; } = new(System, "Exact Online",
    [
        new ConnectionField("baseUrl", "Exact Online address (token endpoint at {address}/api/oauth2/token)", Default: DefaultBaseUrl),
        new ConnectionField("clientId", "Client ID of the app"),
        new ConnectionField("clientSecret", "Client secret of the app", Secret: true),
        new ConnectionField("refreshToken", "Refresh token", Secret: true),
        new ConnectionField("division", "Division (administration number)"),
    ])
    {
        // A test takes the token like a run does: from the stored connection, and a renewed one is stored just the same.
        Test = TestAsync,
    };

    /// <summary>
    /// Gets an access token (reusing a valid one) and reads the current user and division. For connection values that
    /// are not stored, a renewed token stays in this process's memory and the connection's next run stores it.
    /// </summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = ExactOnlineClient.Create(connection, http, TimeProvider.System);
        var me = await client.MeAsync(ct);
        var divisions = await client.AllAsync(client.Url("system/Divisions", ["Code", "Description"]), ct);
        var division = divisions.FirstOrDefault(d => d["Code"]?.ToString() == client.Division);
        var user = (string?)me["FullName"] ?? (string?)me["UserName"] ?? "the connected user";
        return division is null
            ? $"Connected to Exact Online as {user}, but division {client.Division} was not found; the current division is {me["CurrentDivision"]}."
            : $"Connected to Exact Online as {user}; division {client.Division} is \"{(string?)division["Description"]}\".";
    }
}
