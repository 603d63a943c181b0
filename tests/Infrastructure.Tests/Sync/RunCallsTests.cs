using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.SyncLog;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>A run counts its own calls per external system: exactly what the system received, and nothing of other runs.</summary>
public sealed class RunCallsTests
{
    [Fact]
    public async Task A_run_keeps_the_calls_the_system_received_from_it()
    {
        await using var engine = await Engine.StartAsync(items: 30);

        var first = await engine.RunAsync();
        var received = engine.Shop.Requests.Count;
        engine.Shop.Requests.Clear();
        engine.Shop.PutItem("00004", "Renamed", 9m);
        var second = await engine.RunAsync();

        Assert.True(received > 30, $"30 items created one by one take more than 30 calls; the shop saw {received}");
        Assert.Equal(new Dictionary<string, int> { ["shop"] = received }, RunCalls.Parse(first.Calls));
        // Stored with the run, as the run page reads it; the second run counts only its own.
        var stored = await engine.Hub.Get<SyncLogService>().RunAsync(Engine.Tenant, second.Id, default);
        Assert.Equal(new Dictionary<string, int> { ["shop"] = engine.Shop.Requests.Count }, RunCalls.Parse(stored!.Calls));
        Assert.Equal(RunStatus.Succeeded, second.Status);
    }
}
