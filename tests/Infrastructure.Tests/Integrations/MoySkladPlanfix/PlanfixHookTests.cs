using System.Text;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>The Planfix scenario contract: which requests start which runs, and the hook token the hub makes when there is none.</summary>
public sealed class PlanfixHookTests
{
    private static IReadOnlyList<WebhookRun> Route(string body) => PlanfixHooks.Route(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Update_order_runs_the_orders_flow_for_the_task_whatever_the_number_is_written_as()
    {
        Assert.Equal([new WebhookRun("orders", "42")], Route("""{"action":"update-order","taskId":42}"""));
        Assert.Equal([new WebhookRun("orders", "42")], Route("""{"action":"update-order","taskId":"42"}"""));
    }

    [Fact]
    public void Create_invoice_runs_the_invoices_flow_for_the_task()
    {
        Assert.Equal([new WebhookRun("invoices", "42")], Route("""{"action":"create-invoice","taskId":42}"""));
    }

    [Fact]
    public void A_status_change_runs_shipments_then_returns_for_the_task()
    {
        Assert.Equal([new WebhookRun("shipments", "42"), new WebhookRun("returns", "42")], Route("""{"action":"status-changed","taskId":42}"""));
    }

    [Fact]
    public void Requests_without_a_task_number_or_for_work_not_built_start_nothing()
    {
        Assert.Empty(Route("""{"action":"update-order"}"""));
        Assert.Empty(Route("""{"action":"update-order","taskId":"{{Task.Number}}"}"""));
        Assert.Empty(Route("""{"action":"delete-order","taskId":42}"""));
        Assert.Empty(Route("not json"));
    }

    [Fact]
    public async Task Saving_the_connection_generates_a_missing_hook_token_and_creates_the_missing_order_fields()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 1);

        await hub.Hub.Get<WebhookRegistrar>().EnsureAsync(MoySkladPlanfixHub.Slug, CancellationToken.None);

        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == MoySkladPlanfixHub.Slug);
        var planfix = hub.Hub.Get<TenantConnections>().Decrypt(tenant)[PlanfixConnection.System];
        var token = planfix.Get(PlanfixHooks.HookToken);
        Assert.Matches("^[0-9a-f]{48}$", token);
        Assert.True(PlanfixHooks.Verify(planfix, new Dictionary<string, string> { [PlanfixHooks.TokenHeader] = token! }, []));
        Assert.False(PlanfixHooks.Verify(planfix, new Dictionary<string, string> { [PlanfixHooks.TokenHeader] = token![..^1] + "x" }, []));
        Assert.False(PlanfixHooks.Verify(planfix, new Dictionary<string, string>(), []));
        var client = new PlanfixClient(PlanfixSandbox.BaseUrl(hub.Hub.BaseAddress), planfix.Require("token"), hub.Hub.Get<ConnectorHttp>());
        Assert.Equal(["Reserve in MoySklad", "MoySklad order", "MoySklad order id", "Errors", "MoySklad shipment", "MoySklad shipment id", "MoySklad return", "MoySklad return id",
                "MoySklad invoice", "MoySklad invoice id", "Invoice format", "Manager", "Organisation"],
            Names(await client.GetAsync("/customfield/task")));
        Assert.Equal(["MoySklad id"], Names(await client.GetAsync("/customfield/contact")));

        // The next check finds them all and creates nothing twice.
        await hub.Hub.Get<WebhookRegistrar>().EnsureAsync(MoySkladPlanfixHub.Slug, CancellationToken.None);
        Assert.Equal(13, Names(await client.GetAsync("/customfield/task")).Count);
    }

    private static List<string> Names(System.Text.Json.Nodes.JsonObject answer) =>
        answer["customfields"]!.AsArray().Select(f => f!["name"]!.ToString()).ToList();
}
