using System.Text.Json.Nodes;
using Koppel.Domain.Alerts;
using Koppel.Infrastructure.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Alerts;

public sealed class AlertChannelTests
{
    private static readonly AlertNotice Opened = new("shop-one", "Shop one", "products", "Products", NoticeKind.Opened, AlertKind.FailedRuns,
        "The last 3 runs of Products stopped before the end.", 3, 0, new Uri("https://hub.example/tenants/shop-one/log?flow=products&outcome=failed"));

    private static IHttpClientFactory HttpClients()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookAlertChannel.Client);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    }

    [Fact]
    public async Task The_webhook_receives_the_notice_as_json_with_tenant_flow_kind_reason_counts_and_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await new WebhookAlertChannel(HttpClients(), receiver.Url).SendAsync(Opened, default);

        var body = JsonNode.Parse(Assert.Single(receiver.Bodies))!;
        Assert.Equal("shop-one", (string?)body["tenant"]);
        Assert.Equal("products", (string?)body["flow"]);
        Assert.Equal("opened", (string?)body["kind"]);
        Assert.Equal("failedRuns", (string?)body["alert"]);
        Assert.Equal("The last 3 runs of Products stopped before the end.", (string?)body["reason"]);
        Assert.Equal(3, (int?)body["failedRuns"]);
        Assert.Equal("https://hub.example/tenants/shop-one/log?flow=products&outcome=failed", (string?)body["link"]);
    }

    [Fact]
    public async Task A_webhook_that_answers_500_counts_as_not_delivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(refuseFirst: 1);

        await Assert.ThrowsAsync<HttpRequestException>(() => new WebhookAlertChannel(HttpClients(), receiver.Url).SendAsync(Opened, default));
        Assert.Empty(receiver.Bodies);
    }

    [Fact]
    public async Task The_email_goes_through_the_smtp_server_as_plain_text_with_the_same_facts()
    {
        await using var smtp = new SmtpListener();
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, From = "hub@test.local", To = "ops@test.local, oncall@test.local" };

        await new SmtpAlertChannel(settings).SendAsync(Opened, default);

        // The body arrives quoted-printable: undo its soft line breaks and escaped equals signs.
        var message = Assert.Single(smtp.Messages).Replace("=\n", "").Replace("=3D", "=");
        Assert.Contains("Subject: Koppel alert: Shop one, Products", message);
        Assert.Contains("text/plain", message);
        Assert.Contains("The last 3 runs of Products stopped before the end.", message);
        Assert.Contains("oncall@test.local", message);
        Assert.Contains("https://hub.example/tenants/shop-one/log?flow=products&outcome=failed", message);
    }
}
