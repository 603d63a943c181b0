using System.Text;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>MoySklad's webhook contract: which deliveries start which runs, the secret in the address, and the periodic repair of the registrations.</summary>
public sealed class MoySkladHookTests
{
    private const string First = "7944ef04-f831-11e5-7a69-971500188b19";
    private const string Second = "8944ef04-f831-11e5-7a69-971500188b19";

    private static IReadOnlyList<WebhookRun> Route(string body) => MoySkladHooks.Route(Encoding.UTF8.GetBytes(body));

    private static string Event(string type, string id, string action) =>
        $$"""{"meta":{"type":"{{type}}","href":"https://api.moysklad.ru/api/remap/1.2/entity/{{type}}/{{id}}"},"action":"{{action}}","accountId":"84e60e93-f8e7-11e5-7a69-8f5500000000"}""";

    [Fact]
    public void Product_events_run_the_products_flow_once_for_each_product_named()
    {
        var body = $$"""{"auditContext":{"uid":"admin@acme","moment":"2026-12-07 05:00:00"},"events":[{{Event("product", First, "UPDATE")}},{{Event("product", Second, "DELETE")}},{{Event("product", First, "UPDATE")}}]}""";

        Assert.Equal([new WebhookRun("products", First), new WebhookRun("products", Second)], Route(body));
    }

    [Fact]
    public void A_stock_report_runs_the_stocks_flow_from_its_cursor()
    {
        const string body = """{"accountId":"84e60e93-f8e7-11e5-7a69-8f5500000000","stockType":"stock","reportType":"all","reportUrl":"https://api.moysklad.ru/api/remap/1.2/report/stock/all/current?changedSince=2026-12-07 05:00:00"}""";

        Assert.Equal([new WebhookRun("stocks", null)], Route(body));
    }

    [Fact]
    public void Events_of_other_entities_and_bodies_that_are_not_webhooks_start_nothing()
    {
        Assert.Empty(Route($$"""{"events":[{{Event("counterparty", First, "UPDATE")}}]}"""));
        Assert.Empty(Route("""{"events":[{"meta":{"type":"product","href":"https://api.moysklad.ru/api/remap/1.2/entity/product/not-an-id"}}]}"""));
        Assert.Empty(Route("not json"));
    }

    [Fact]
    public async Task The_periodic_check_registers_again_what_went_missing_and_keeps_the_secret()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 1);
        var registrar = hub.Hub.Get<WebhookRegistrar>();
        await registrar.EnsureAsync(MoySkladPlanfixHub.Slug, CancellationToken.None);
        var before = hub.MoySklad.WebhooksOf(MoySkladPlanfixHub.Account);
        var url = before.Select(h => h["url"]!.ToString()).Distinct().Single();
        var update = before.Single(h => h["action"]?.ToString() == "UPDATE");
        // Gone as if removed by someone in MoySklad (the API's own delete, with the tenant's token).
        await (await MoySkladClientAsync(hub)).DeleteAsync("webhook", update["id"]!.ToString());

        await registrar.EnsureAllAsync(CancellationToken.None);

        var after = hub.MoySklad.WebhooksOf(MoySkladPlanfixHub.Account);
        Assert.Equal(4, after.Count);
        Assert.All(after, h => Assert.Equal(url, h["url"]!.ToString()));
        Assert.Single(after, h => h["action"]?.ToString() == "UPDATE");
        Assert.StartsWith(new Uri(hub.Hub.BaseAddress, $"hooks/{MoySkladPlanfixHub.Slug}/moysklad/").ToString(), url);
    }

    [Fact]
    public async Task Only_the_secret_the_hub_registered_verifies_a_delivery()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 1);
        await hub.Hub.Get<WebhookRegistrar>().EnsureAsync(MoySkladPlanfixHub.Slug, CancellationToken.None);
        var connection = await ConnectionAsync(hub);
        var secret = connection.Require(MoySkladClient.WebhookUrl).Split('/')[^1];

        Assert.Matches("^[0-9a-f]{48}$", secret);
        Assert.True(MoySkladHooks.Verify(connection, new Dictionary<string, string> { [WebhookIntake.PathKey] = secret }, []));
        Assert.False(MoySkladHooks.Verify(connection, new Dictionary<string, string> { [WebhookIntake.PathKey] = secret[..^1] }, []));
        Assert.False(MoySkladHooks.Verify(connection, new Dictionary<string, string>(), []));
    }

    private static async Task<MoySkladClient> MoySkladClientAsync(MoySkladPlanfixHub hub) =>
        MoySkladClient.For(await ConnectionAsync(hub), hub.Hub.Get<Http.ConnectorHttp>());

    private static async Task<ConnectionInfo> ConnectionAsync(MoySkladPlanfixHub hub)
    {
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == MoySkladPlanfixHub.Slug);
        return hub.Hub.Get<TenantConnections>().Decrypt(tenant)[MoySkladConnection.System];
    }
}
