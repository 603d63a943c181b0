using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>One delivery attempt as GoedGepickt logs it: event, time, HTTP status (0 = no answer), attempt number.</summary>
public sealed record GgDeliveryAttempt(string Event, string TargetUrl, DateTimeOffset At, int Status, int Attempt, string Body);

/// <summary>
/// Delivers webhook events as GoedGepickt does: POST of the JSON body with header <c>signature</c> = lowercase hex
/// HMAC-SHA256 of the exact body with the webhook's secret; any non-200 answer is retried, 10 attempts in all,
/// with growing pauses.
/// </summary>
internal sealed class GgWebhookSender
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<GgDeliveryAttempt> _attempts = new();
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public const int MaxAttempts = 10;

    /// <summary>The pause before attempt n+1 is n times this (GG's pauses grow; shortened here for tests).</summary>
    public TimeSpan Pause { get; set; } = TimeSpan.FromMilliseconds(200);

    public IReadOnlyCollection<GgDeliveryAttempt> Attempts => _attempts;

    public void Send(JsonObject webhook, JsonObject body)
    {
        var text = body.ToJsonString();
        var task = DeliverAsync(webhook["targetUrl"]!.ToString(), webhook["webhookSecret"]!.ToString(), body["event"]!.ToString(), text);
        _pending[task] = 0;
        _ = task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits until every delivery sent so far succeeded or gave up.</summary>
    public async Task IdleAsync()
    {
        while (!_pending.IsEmpty) await Task.WhenAll(_pending.Keys.ToList());
    }

    public static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task DeliverAsync(string url, string secret, string @event, string body)
    {
        await Task.Yield();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var status = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("signature", Sign(secret, body));
                using var response = await Http.SendAsync(request);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            _attempts.Enqueue(new GgDeliveryAttempt(@event, url, DateTimeOffset.UtcNow, status, attempt, body));
            if (status == 200) return;
            await Task.Delay(Pause * attempt);
        }
    }
}
