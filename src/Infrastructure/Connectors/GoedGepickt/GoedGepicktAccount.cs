using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>Where and with which key the hub talks to GoedGepickt: one tenant's GoedGepickt connection, read once per run.</summary>
public sealed record GoedGepicktAccount(string BaseUrl, string ApiKey, string? WebshopUuid, string? FulfilmentCustomerUuid)
{
    public const string System = "goedGepickt";
    public const string DefaultBaseUrl = "https://account.goedgepickt.nl/api/v1";

    /// <summary>
    /// GoedGepickt counts requests per calling IP address over all its endpoints, so every GoedGepickt call of
    /// this hub, whatever the tenant, shares one budget.
    /// </summary>
    public const string RateKey = "goedgepickt:hub";

    public static GoedGepicktAccount From(ConnectionInfo connection) => new(
        (connection.Get("baseUrl") ?? DefaultBaseUrl).TrimEnd('/'),
        connection.Require("apiKey"),
        connection.Get("webshopUuid"),
        connection.Get("fulfilmentCustomerUuid"));

    /// <summary>GoedGepickt's web application, where a customer fixes what the readiness checklist finds: the API address without /api/v1.</summary>
    public string AppUrl => BaseUrl.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase) ? BaseUrl[..^"/api/v1".Length] : BaseUrl;

    /// <summary>A fulfilment account syncs one fulfilment customer's data only, and no suppliers.</summary>
    public bool IsFulfilment => FulfilmentCustomerUuid is not null;

    // The key stays out of logs and exception texts.
    public override string ToString() => $"GoedGepickt at {BaseUrl}" + (IsFulfilment ? $" (fulfilment customer {FulfilmentCustomerUuid})" : "");
}
