using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Returns;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// The Planfix scenarios' requests at <c>/hooks/{tenant}/planfix</c>: <c>{"action": "update-order" | "create-invoice" |
/// "status-changed", "taskId": n}</c> with header <c>X-Koppel-Token</c> = the connection's hookToken. Planfix has no
/// signatures, so the shared token is the proof; the body is only a hint: the flow re-reads the task.
/// </summary>
public static class PlanfixHooks
{
    public const string TokenHeader = "x-koppel-token";
    public const string HookToken = "hookToken";

    public static WebhookIntake Intake { get; } = new()
    {
        Segment = "planfix",
        ConnectionSystem = PlanfixConnection.System,
        Verify = Verify,
        Route = Route,
        RegisterAsync = PrepareAsync,
    };

    public static bool Verify(ConnectionInfo connection, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var expected = connection.Get(HookToken);
        if (expected is null || !headers.TryGetValue(TokenHeader, out var given)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given.Trim()));
    }

    /// <summary>
    /// "update-order" runs the orders flow for the task, "create-invoice" the invoices flow; "status-changed" runs
    /// shipments and returns for it (each flow re-reads the status and acts only at its own statuses).
    /// </summary>
    public static IReadOnlyList<WebhookRun> Route(byte[] body)
    {
        JsonObject? json;
        try { json = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return []; }
        var taskId = json?["taskId"] switch
        {
            JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
            JsonValue v when long.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (taskId is null) return [];
        return json?["action"]?.ToString() switch
        {
            "update-order" => [new(OrdersFlow.Key, taskId)],
            "create-invoice" => [new(InvoicesFlow.Key, taskId)],
            "status-changed" => [new(ShipmentsFlow.Key, taskId), new(ReturnsFlow.Key, taskId)],
            _ => [],
        };
    }

    /// <summary>The MoySklad organisations' names for the Organisation list; null while MoySklad is not connected or not reachable.</summary>
    private static async Task<IReadOnlyList<string>?> OrganisationsAsync(WebhookRegistration registration, CancellationToken ct)
    {
        if (!registration.Connections.TryGetValue(MoySkladConnection.System, out var connection)) return null;
        try
        {
            var names = new List<string>();
            await foreach (var page in MoySkladClient.For(connection, registration.Http).PagesAsync("organization", null, ct))
                names.AddRange(page.Select(o => o["name"]?.ToString()).OfType<string>());
            return names;
        }
        catch (SyncProblem)
        {
            return null;
        }
    }

    /// <summary>
    /// On saving the connection (and at every check): a hook token when the connection has none, so a scenario can never
    /// call in without one, and the order task and contact fields the buttons write, created when missing.
    /// </summary>
    private static async Task<string> PrepareAsync(WebhookRegistration registration, CancellationToken ct)
    {
        var outcome = "the scenario token is set";
        if (registration.Connection.Get(HookToken) is null)
        {
            await registration.Connection.SaveSecretAsync(HookToken, ConnectionField.NewSecret(), ct);
            outcome = "a scenario token was generated";
        }
        var created = await PlanfixOrderFields.EnsureAsync(PlanfixClient.For(registration.Connection, registration.Http),
            await OrganisationsAsync(registration, ct), ct);
        return created.Count == 0 ? outcome : $"{outcome}; Planfix fields created: {string.Join(", ", created)}";
    }
}
