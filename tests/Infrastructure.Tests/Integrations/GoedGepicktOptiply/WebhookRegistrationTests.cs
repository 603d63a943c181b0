using System.Security.Cryptography;
using System.Text;
using Koppel.Infrastructure.Webhooks;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class WebhookRegistrationTests
{
    [Fact]
    public async Task A_webhook_removed_in_GoedGepickt_is_subscribed_again_at_the_next_check_and_its_new_secret_verifies()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var target = new Uri(hub.Hub.BaseAddress, $"hooks/{GoedGepicktOptiplyHub.Slug}/goedgepickt").ToString();
        var ours = hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount).Where(w => (string?)w["targetUrl"] == target).ToList();
        Assert.Equal(3, ours.Count);
        var removed = ours.Single(w => (string?)w["webhookEvent"] == "product.stockChanged");
        hub.GoedGepickt.RemoveWebhook(GoedGepicktOptiplyHub.GgAccount, removed["webhookUuid"]!.ToString());

        await hub.Hub.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None);

        var now = hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount).Where(w => (string?)w["targetUrl"] == target).ToList();
        Assert.Equal(["order.statusChanged", "product.stockChanged", "product.updated"], now.Select(w => (string)w["webhookEvent"]!).Order());
        var again = now.Single(w => (string?)w["webhookEvent"] == "product.stockChanged");
        Assert.NotEqual(removed["webhookUuid"]!.ToString(), again["webhookUuid"]!.ToString());
        // A second check finds everything in place and subscribes nothing twice.
        await hub.Hub.Get<WebhookRegistrar>().EnsureAllAsync(CancellationToken.None);
        Assert.Equal(3, hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount).Count(w => (string?)w["targetUrl"] == target));

        var body = Encoding.UTF8.GetBytes("""{"event":"stockUpdated","productUuid":"00000000-0000-4000-8000-000000000001","productSku":"X","newStock":"1"}""");
        string Signed(string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        var inbox = hub.Hub.Get<WebhookInbox>();
        Assert.Equal(WebhookAnswer.Accepted, await inbox.AcceptAsync(GoedGepicktOptiplyHub.Slug, "goedgepickt",
            new Dictionary<string, string> { ["signature"] = Signed(again["webhookSecret"]!.ToString()) }, body, CancellationToken.None));
    }

    [Fact]
    public async Task Behind_a_proxy_the_webhooks_point_at_Hub_PublicUrl()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(configuration: new Dictionary<string, string?> { ["Hub:PublicUrl"] = "https://koppel.example.nl/" });

        var targets = hub.GoedGepickt.Webhooks(GoedGepicktOptiplyHub.GgAccount).Select(w => (string)w["targetUrl"]!).Distinct();

        Assert.Equal([$"https://koppel.example.nl/hooks/{GoedGepicktOptiplyHub.Slug}/goedgepickt"], targets);
    }
}
