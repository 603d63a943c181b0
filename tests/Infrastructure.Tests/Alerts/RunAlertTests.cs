using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;

namespace Koppel.Infrastructure.Tests.Alerts;

public sealed class RunAlertTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] alerts)
    {
        var settings = new Dictionary<string, string?> { ["Hub:PublicUrl"] = "https://hub.example", ["Alerts:FailedRunsInARow"] = "3" };
        foreach (var (key, value) in alerts) settings["Alerts:" + key] = value;
        return settings;
    }

    // Every call to the shop answers 500 until cleared: the run stops once the retries are spent.
    private static void BreakShop(Engine engine) => engine.Faults.Plan("test-shop", new FaultPlan { ServerErrors = 100_000 });

    [Fact]
    public async Task A_flow_failing_three_runs_in_a_row_alerts_the_webhook_once_and_resolves_once_when_a_run_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var engine = await Engine.StartAsync(items: 5, hubSettings: Settings(("WebhookUrl", receiver.Url.ToString())));
        BreakShop(engine);

        for (var i = 0; i < 2; i++) Assert.Equal(RunStatus.Failed, (await engine.RunAsync()).Status);
        Assert.Empty(receiver.Bodies);
        for (var i = 0; i < 3; i++) await engine.RunAsync();
        var alert = JsonNode.Parse(Assert.Single(receiver.Bodies))!;
        engine.Faults.Clear("test-shop");
        Assert.Equal(RunStatus.Succeeded, (await engine.RunAsync()).Status);
        await engine.RunAsync();

        Assert.Equal(2, receiver.Bodies.Count);
        var resolved = JsonNode.Parse(receiver.Bodies.Last())!;
        Assert.Equal(("opened", "failedRuns", 3), ((string?)alert["kind"], (string?)alert["alert"], (int?)alert["failedRuns"]));
        Assert.Equal("https://hub.example/tenants/shop-one/log?flow=products&outcome=failed", (string?)alert["link"]);
        Assert.Equal(("resolved", "shop-one", "products"), ((string?)resolved["kind"], (string?)resolved["tenant"], (string?)resolved["flow"]));
    }

    [Fact]
    public async Task Failed_records_at_the_threshold_send_one_email_and_one_resolved_email()
    {
        await using var smtp = new SmtpListener();
        await using var engine = await Engine.StartAsync(items: 6, settings: new { skipNameless = false }, hubSettings: Settings(
            ("FailedRecordsThreshold", "2"), ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()),
            ("Smtp:From", "hub@test.local"), ("Smtp:To", "ops@test.local")));
        engine.Shop.PutItem("00002", null, 5m);
        engine.Shop.PutItem("00004", null, 5m);

        await engine.RunAsync();
        await engine.RunAsync(); // the two records fail again on their retry: still the same incident
        var alert = Assert.Single(smtp.Messages);
        engine.Shop.PutItem("00002", "Item 2 fixed", 5m);
        engine.Shop.PutItem("00004", "Item 4 fixed", 5m);
        await engine.RunAsync();

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Contains("Subject: Koppel alert: Shop one, Products", alert);
        Assert.Contains("could not sync 2 records", alert);
        Assert.Contains("Subject: Koppel resolved: Shop one, Products", smtp.Messages.Last());
    }

    [Fact]
    public async Task An_alert_the_webhook_refused_is_sent_later_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(refuseFirst: 1);
        await using var engine = await Engine.StartAsync(items: 5, hubSettings: Settings(
            ("WebhookUrl", receiver.Url.ToString()), ("FailedRunsInARow", "1"), ("RetrySeconds", "1")));
        BreakShop(engine);

        await engine.RunAsync();
        Assert.Empty(receiver.Bodies);
        for (var waited = 0; receiver.Bodies.IsEmpty && waited < 100; waited++) await Task.Delay(100);
        await Task.Delay(1500); // a second delivery would arrive within one more retry period

        Assert.Equal("opened", (string?)JsonNode.Parse(Assert.Single(receiver.Bodies))!["kind"]);
    }

    [Fact]
    public async Task A_flow_that_keeps_failing_is_switched_off_with_its_reason_until_someone_switches_it_on()
    {
        // No channel set: pausing does not depend on anyone being notified.
        await using var engine = await Engine.StartAsync(items: 5, hubSettings: Settings(("PauseAfterFailedRuns", "2")));
        var tenants = engine.Hub.Get<TenantService>();
        BreakShop(engine);

        await engine.RunAsync();
        Assert.True(Flow(await tenants.GetAsync(Engine.Tenant, default)).Enabled);
        await engine.RunAsync();

        var paused = Flow(await tenants.GetAsync(Engine.Tenant, default));
        Assert.False(paused.Enabled);
        Assert.Equal("Paused after 2 failed runs", paused.PausedReason);
        Assert.Null(paused.NextRunAt);
        var audit = await engine.Hub.Get<AuditLog>().PageAsync(Engine.Tenant, 1, 10, withValues: true, default);
        // Newest first: the pause, after the hub had switched the new tenant's flow on when its connection tested green.
        var entries = audit.Rows.Where(r => r.Subject == "flows.products.enabled").Select(r => (r.Actor, r.From, r.To)).ToList();
        Assert.Equal([(AuditLog.System, "on", "off"), (AuditLog.System, "off", "on")], entries);

        await tenants.UpdateFlowAsync(Engine.Tenant, "products", enabled: true, schedule: null, default, "support@test.local");
        var resumed = Flow(await tenants.GetAsync(Engine.Tenant, default));
        Assert.True(resumed.Enabled);
        Assert.Null(resumed.PausedReason);
    }

    private static FlowView Flow(TenantView? tenant) => Assert.Single(tenant!.Flows, f => f.Key == "products");
}
