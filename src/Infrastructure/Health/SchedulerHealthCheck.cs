using Koppel.Infrastructure.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Koppel.Infrastructure.Health;

/// <summary>
/// Ready when the scheduler polls for due flows as often as configured. A scheduler switched off by configuration
/// is a choice, not a fault; one that stopped polling (a hung dispatcher) is.
/// </summary>
public sealed class SchedulerHealthCheck(SchedulerOptions options, FlowWork work, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Enabled) return Task.FromResult(HealthCheckResult.Healthy("The scheduler is switched off."));
        // Three missed polls, and never less than half a minute, so one slow claim does not flap the check.
        var allowed = TimeSpan.FromSeconds(Math.Max(30, 3 * options.PollSeconds));
        var last = work.LastPollAt ?? work.StartedAt;
        var silent = clock.GetUtcNow() - last;
        return Task.FromResult(silent <= allowed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The scheduler has not polled for {silent.TotalSeconds:0} s."));
    }
}
