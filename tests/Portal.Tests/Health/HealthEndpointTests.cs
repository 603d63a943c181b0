using System.Net;
using Koppel.Infrastructure.Health;
using Koppel.Infrastructure.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Koppel.Portal.Tests.Health;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly ApiHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_probe_answers_without_credentials_and_says_only_healthy(string path)
    {
        var answer = await _host.Client(key: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Healthy", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_fails_without_details_when_the_database_is_gone_while_live_still_answers()
    {
        SqliteConnection.ClearAllPools();
        var database = new SqliteConnectionStringBuilder(_host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Koppel")).DataSource;
        File.Delete(database);

        var ready = await _host.Client(key: null).GetAsync("/health/ready");
        var live = await _host.Client(key: null).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task A_scheduler_that_stopped_polling_is_not_ready_and_one_that_polls_is()
    {
        var work = _host.Services.GetRequiredService<FlowWork>();
        var options = new SchedulerOptions { Enabled = true, PollSeconds = 5 };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var check = new SchedulerHealthCheck(options, work, clock);

        work.Polled();
        var justPolled = await check.CheckHealthAsync(new HealthCheckContext());
        clock.Advance(TimeSpan.FromMinutes(2));
        var silent = await check.CheckHealthAsync(new HealthCheckContext());
        var switchedOff = await new SchedulerHealthCheck(new SchedulerOptions { Enabled = false }, work, clock).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, justPolled.Status);
        Assert.Equal(HealthStatus.Unhealthy, silent.Status);
        Assert.Contains("has not polled", silent.Description);
        Assert.Equal(HealthStatus.Healthy, switchedOff.Status);
    }
}
