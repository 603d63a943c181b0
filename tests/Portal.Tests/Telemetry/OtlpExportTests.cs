using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Telemetry;

/// <summary>
/// With Telemetry:OtlpEndpoint set, the hub sends its metrics and traces over OTLP/HTTP to a collector: here a
/// loopback receiver that keeps what it is sent. Protobuf keeps names as plain UTF-8, so they can be looked for.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Signal, string Body)> _received = new();
    private WebApplication _collector = null!;
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _received.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray())));
            return Results.Ok();
        });
        await _collector.StartAsync();
        var address = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _host = ApiHost.With(new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = address,
            ["Telemetry:MetricExportSeconds"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task A_run_reaches_the_collector_as_metrics_and_a_trace()
    {
        _host.Shop.Seed("zq7-shop", 3, 1);
        var client = _host.Client(ApiHost.SupportKey);
        (await client.PutAsJsonAsync("/api/v1/tenants/zq7-shop", new
        {
            name = "Otel BV", integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "very-secret-shop-key-2718" } },
            settings = new { pageSize = 5 },
        })).EnsureSuccessStatusCode();

        (await client.PostAsync("/api/v1/tenants/zq7-shop/flows/products/runs?wait=true", null)).EnsureSuccessStatusCode();

        string[] wanted = ["metrics:koppel.sync.runs.started", "metrics:koppel.sync.records", "metrics:koppel.http.calls",
            "metrics:koppel.webhooks.pending", "traces:sync run"];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !wanted.All(Received)) await Task.Delay(250);

        Assert.All(wanted, w => Assert.True(Received(w), $"The collector got no {w}."));
        // Low cardinality: the tenant's slug is never a tag.
        Assert.DoesNotContain(_received, r => r.Signal == "metrics" && r.Body.Contains("zq7-shop"));
    }

    private bool Received(string wanted)
    {
        var (signal, text) = (wanted[..wanted.IndexOf(':')], wanted[(wanted.IndexOf(':') + 1)..]);
        return _received.Any(r => r.Signal == signal && r.Body.Contains(text));
    }
}
