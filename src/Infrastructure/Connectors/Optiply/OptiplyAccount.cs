using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>Where and as whom the hub talks to Optiply: one tenant's Optiply connection, read once per run.</summary>
public sealed record OptiplyAccount(
    string BaseUrl, string TokenUrl, string ClientId, string ClientSecret, string Username, string Password,
    string? AccountId, string? CouplingId)
{
    public const string System = "optiply";
    public const string DefaultBaseUrl = "https://api.optiply.com/v1";
    public const string DefaultTokenUrl = "https://dashboard.optiply.nl/api/auth/oauth/token";

    public static OptiplyAccount From(ConnectionInfo connection) => new(
        (connection.Get("baseUrl") ?? DefaultBaseUrl).TrimEnd('/'),
        connection.Get("tokenUrl") ?? DefaultTokenUrl,
        connection.Require("clientId"),
        connection.Require("clientSecret"),
        connection.Require("username"),
        connection.Require("password"),
        connection.Get("accountId"),
        connection.Get("couplingId"));

    /// <summary>Shared rate budget per Optiply account, whichever flow or run is calling.</summary>
    public string RateKey => $"optiply:account {AccountId ?? Username}";

    // Secrets stay out of logs and exception texts.
    public override string ToString() => $"Optiply account {AccountId ?? "?"} as {Username} at {BaseUrl}";
}
