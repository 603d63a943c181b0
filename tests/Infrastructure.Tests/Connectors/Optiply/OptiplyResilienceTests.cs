using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

public sealed class OptiplyResilienceTests
{
    private const string ExactItemId = "6f2c1a7e-0d4b-4f7e-9a51-3c2b8d1e5a10";

    [Fact]
    public async Task Too_many_requests_with_Retry_After_is_waited_out_and_the_write_succeeds()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        await sink.FindAsync(ExactItemId, CancellationToken.None);
        optiply.Faults.Plan("optiply", new FaultPlan { TooManyRequests = 2, RetryAfterSeconds = 1 });

        var write = await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), CancellationToken.None);

        Assert.Equal(write.TargetId, (string?)Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account))["id"]);
        Assert.Equal(0, optiply.Faults.Current("optiply")!.TooManyRequests);
    }

    [Fact]
    public async Task A_burst_of_server_errors_is_retried_and_the_write_succeeds()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        await sink.FindAsync(ExactItemId, CancellationToken.None);
        optiply.Faults.Plan("optiply", new FaultPlan { ServerErrors = 3 });

        await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), CancellationToken.None);

        Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account));
        Assert.Equal(0, optiply.Faults.Current("optiply")!.ServerErrors);
    }

    [Fact]
    public async Task The_emulators_429_carries_Retry_After_and_Optiplys_error_shape()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var token = await optiply.TokenAsync();
        optiply.Faults.Plan("optiply", new FaultPlan { TooManyRequests = 1, RetryAfterSeconds = 2 });

        var (status, body, response) = await optiply.SendAsync(HttpMethod.Get, "products", token: token);

        Assert.Equal(429, status);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.NotNull(body!["errors"]![0]!["detail"]);
    }

    [Fact]
    public async Task Going_over_the_accounts_request_budget_answers_429()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var token = await optiply.TokenAsync();
        optiply.Sandbox.RequestsPerSecond = 2;

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++) statuses.Add((await optiply.SendAsync(HttpMethod.Get, "products", token: token)).Status);

        Assert.Contains(429, statuses);
    }
    [Fact]
    public async Task Parallel_writes_beyond_the_emulators_budget_all_land_once_with_distinct_ids()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.RequestsPerSecond = 5;
        var sink = optiply.Sink(OptiplyEntity.Products);

        var writes = await Task.WhenAll(Enumerable.Range(1, 15).Select(i =>
            sink.CreateAsync($"item-{i}", OptiplyHub.Product($"Koffiebonen {i}", $"KB-{i}"), CancellationToken.None)));

        Assert.Equal(15, writes.Select(w => w.TargetId).Distinct().Count());
        Assert.Equal(15, optiply.Sandbox.Products(OptiplyHub.Account).Count);
    }
}
