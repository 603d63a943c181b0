using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Telemetry;

/// <summary>The values behind the hub's metrics, read with the runtime's own listener from this host's meters only.</summary>
public sealed class SyncMetricsTests : IClassFixture<ApiHost>, IDisposable
{
    private readonly ApiHost _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> _measured = new();

    public SyncMetricsTests(ApiHost host)
    {
        _host = host;
        // Other test classes run hosts in parallel; a meter made by this host's factory carries it as its scope.
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == "Koppel") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString()))));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_run_counts_once_with_its_records_by_outcome_and_every_call_to_the_shop()
    {
        _host.Shop.Seed("metrics-shop", 6, 1);
        var client = _host.Client(ApiHost.SupportKey);
        (await client.PutAsJsonAsync("/api/v1/tenants/metrics-shop", new
        {
            name = "Metrics BV", integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "very-secret-shop-key-2718" } },
            settings = new { pageSize = 5 },
        })).EnsureSuccessStatusCode();

        var run = await (await client.PostAsync("/api/v1/tenants/metrics-shop/flows/products/runs?wait=true", null))
            .Content.ReadFromJsonAsync<JsonObject>();

        long Sum(string instrument, string? outcome = null) => _measured
            .Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault("flow") is "products" or null
                        && (outcome is null || m.Tags.GetValueOrDefault("outcome") == outcome))
            .Sum(m => m.Value);
        Assert.Equal(1, Sum("koppel.sync.runs.started"));
        Assert.Single(_measured, m => m.Instrument == "koppel.sync.runs.finished" && m.Tags["status"] == "Succeeded");
        Assert.Equal((long)run!["read"]!, Sum("koppel.sync.records", "read"));
        Assert.Equal((long)run["created"]! + (long)run["updated"]!, Sum("koppel.sync.records", "created") + Sum("koppel.sync.records", "updated"));
        Assert.Contains(_measured, m => m.Instrument == "koppel.http.calls" && m.Tags["status_code"] == "200");
    }
}
