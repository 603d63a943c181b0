using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// MoySklad's webhooks at <c>/hooks/{tenant}/moysklad/{secret}</c>. MoySklad signs nothing, so the per-tenant secret in
/// the address is the proof. The hub registers them itself: product CREATE/UPDATE/DELETE, which run the products flow
/// for each product named, and the stock webhook, whose report of changes runs the stocks flow from its cursor (the
/// same report from the last point the hub saw, so a delivery MoySklad dropped is covered by the next one).
/// </summary>
public static class MoySkladHooks
{
    public const string Segment = "moysklad";
    public static readonly IReadOnlyList<string> ProductActions = ["CREATE", "UPDATE", "DELETE"];

    public static WebhookIntake Intake { get; } = new()
    {
        Segment = Segment,
        ConnectionSystem = MoySkladConnection.System,
        Verify = Verify,
        Route = Route,
        RegisterAsync = RegisterAsync,
    };

    public static bool Verify(ConnectionInfo connection, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (connection.Get(MoySkladClient.WebhookUrl) is not { } url || !headers.TryGetValue(WebhookIntake.PathKey, out var given)) return false;
        var expected = url[(url.LastIndexOf('/') + 1)..];
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }

    /// <summary>Product events run the products flow for each product once; a stock report runs the stocks flow; anything else nothing.</summary>
    public static IReadOnlyList<WebhookRun> Route(byte[] body)
    {
        JsonObject? json;
        try { json = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return []; }
        if (json?["reportUrl"] is JsonValue) return [new WebhookRun(StocksFlow.Key, null)];
        var events = json?["events"] as JsonArray ?? [];
        return events.OfType<JsonObject>()
            .Where(e => e["meta"]?["type"]?.ToString() == ProductsFlow.Entity)
            .Select(e => MoySkladClient.IdOf(e))
            .Where(id => Guid.TryParse(id, out _))
            .Distinct(StringComparer.Ordinal)
            .Select(id => new WebhookRun(ProductsFlow.Key, id!))
            .ToList();
    }

    /// <summary>
    /// At connection save and every check: the hook address with this tenant's secret (made once, kept across checks;
    /// a new public address keeps the secret), then the webhooks to it, missing ones registered again.
    /// </summary>
    private static async Task<string> RegisterAsync(WebhookRegistration registration, CancellationToken ct)
    {
        var prefix = registration.TargetUrl.ToString().TrimEnd('/') + "/";
        var stored = registration.Connection.Get(MoySkladClient.WebhookUrl);
        var secret = stored is null ? ConnectionField.NewSecret() : stored[(stored.LastIndexOf('/') + 1)..];
        var url = prefix + secret;
        if (url != stored) await registration.SaveSecretAsync(MoySkladClient.WebhookUrl, url, ct);
        var client = MoySkladClient.For(registration.Connection, registration.Http);
        var outcome = await MoySkladHookRegistration.EnsureAsync(client, url, prefix, ProductsFlow.Entity, ProductActions, stock: true, ct);
        return outcome.ToString();
    }
}
