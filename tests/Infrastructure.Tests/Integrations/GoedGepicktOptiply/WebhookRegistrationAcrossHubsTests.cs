using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tests.Hosting;
using Koppel.Infrastructure.Webhooks;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

/// <summary>
/// Several hub processes on one database register a tenant's GoedGepickt webhooks: each event is subscribed once, and
/// duplicates the hub left earlier (same event, same target) are removed, keeping the one whose secret it holds.
/// </summary>
public sealed class WebhookRegistrationAcrossHubsTests
{
    private const string PublicUrl = "https://koppel.example.nl/";
    private static readonly string Target = $"{PublicUrl}hooks/{GoedGepicktOptiplyHub.Slug}/goedgepickt";
    private static readonly Dictionary<string, string?> Behind = new() { ["Hub:PublicUrl"] = PublicUrl };

    private static List<JsonObject> Ours(GoedGepicktOptiplyHub hub) =>
        hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount).Where(w => (string?)w["targetUrl"] == Target).ToList();

    private static int Subscriptions(GoedGepicktOptiplyHub hub) => hub.GoedGepickt.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/webhooks", StringComparison.Ordinal));

    [Fact]
    public async Task Two_hubs_on_one_database_checking_at_the_same_moment_subscribe_each_event_once()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseProvider.PostgreSql);
        await using var first = await GoedGepicktOptiplyHub.StartAsync(configuration: Behind, provider: "PostgreSql", connectionString: database.ConnectionString);
        await using var second = await TestHub.StartAsync(_ => { }, "PostgreSql", database.ConnectionString, settings: Behind);
        foreach (var hook in Ours(first)) first.GoedGepickt.RemoveWebhook(GoedGepicktOptiplyHub.GgAccount, hook["webhookUuid"]!.ToString());
        var subscribed = Subscriptions(first);
        // A slow GoedGepickt: without turns, both hubs would list the webhooks, both find all three missing, and both subscribe them.
        first.Faults.Plan("goedgepickt", new FaultPlan { DelayMilliseconds = 300 });

        await Task.WhenAll(first.Hub.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None), second.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None));
        first.Faults.Clear("goedgepickt");

        Assert.Equal(3, Subscriptions(first) - subscribed);
        var ours = Ours(first);
        Assert.Equal(["order.statusChanged", "product.stockChanged", "product.updated"], ours.Select(w => (string)w["webhookEvent"]!).Order());
        // Either hub verifies a delivery signed with the secret GoedGepickt gave the subscription that exists.
        var stock = ours.Single(w => (string?)w["webhookEvent"] == "product.stockChanged");
        var body = Encoding.UTF8.GetBytes("""{"event":"stockUpdated","productUuid":"00000000-0000-4000-8000-000000000001","productSku":"X","newStock":"1"}""");
        var signature = new Dictionary<string, string> { ["signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(stock["webhookSecret"]!.ToString()), body)) };
        Assert.Equal(WebhookAnswer.Accepted, await second.Get<WebhookInbox>().AcceptAsync(GoedGepicktOptiplyHub.Slug, "goedgepickt", signature, body, CancellationToken.None));
        Assert.Equal(WebhookAnswer.Accepted, await first.Hub.Get<WebhookInbox>().AcceptAsync(GoedGepicktOptiplyHub.Slug, "goedgepickt", signature, body, CancellationToken.None));
    }

    [Fact]
    public async Task Duplicates_the_hub_made_earlier_are_removed_keeping_the_subscription_whose_secret_it_holds()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(configuration: Behind);
        var kept = Ours(hub).ToDictionary(w => (string)w["webhookEvent"]!, w => (string)w["webhookUuid"]!);
        // What two hub processes registering at once used to leave behind, and a webhook of someone else's.
        using var gg = new HttpClient { BaseAddress = new Uri(GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/") };
        gg.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GoedGepicktOptiplyHub.ApiKey);
        foreach (var @event in new[] { "product.stockChanged", "product.stockChanged", "order.statusChanged" })
            (await gg.PostAsJsonAsync("webhooks", new { webhookEvent = @event, targetUrl = Target })).EnsureSuccessStatusCode();
        (await gg.PostAsJsonAsync("webhooks", new { webhookEvent = "product.stockChanged", targetUrl = "https://elders.example/gg" })).EnsureSuccessStatusCode();
        Assert.Equal(6, Ours(hub).Count);

        await hub.Hub.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None);

        Assert.Equal(kept.OrderBy(k => k.Key), Ours(hub).ToDictionary(w => (string)w["webhookEvent"]!, w => (string)w["webhookUuid"]!).OrderBy(k => k.Key));
        Assert.Single(hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount), w => (string?)w["targetUrl"] == "https://elders.example/gg");
    }

    [Fact]
    public async Task The_nightly_products_run_subscribes_again_a_webhook_removed_in_GoedGepickt()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(configuration: Behind);
        // No hourly check from here on: only the run can bring the webhook back.
        await hub.Hub.Get<WebhookWorker>().StopAsync(CancellationToken.None);
        await hub.Hub.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None);
        var removed = Ours(hub).Single(w => (string?)w["webhookEvent"] == "product.updated");
        hub.GoedGepickt.RemoveWebhook(GoedGepicktOptiplyHub.GgAccount, removed["webhookUuid"]!.ToString());
        hub.Product("NACHT-1");

        Assert.Equal(Koppel.Domain.Sync.RunStatus.Succeeded, (await hub.RunAsync("products")).Status);

        var again = Ours(hub).Single(w => (string?)w["webhookEvent"] == "product.updated");
        Assert.NotEqual(removed["webhookUuid"]!.ToString(), again["webhookUuid"]!.ToString());
        Assert.Equal(3, Ours(hub).Count);
        var body = Encoding.UTF8.GetBytes("""{"event":"productUpdated","productUuid":"00000000-0000-4000-8000-000000000002","productSku":"NACHT-1"}""");
        var signature = new Dictionary<string, string> { ["signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(again["webhookSecret"]!.ToString()), body)) };
        Assert.Equal(WebhookAnswer.Accepted, await hub.Hub.Get<WebhookInbox>().AcceptAsync(GoedGepicktOptiplyHub.Slug, "goedgepickt", signature, body, CancellationToken.None));
    }
}
