using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Dashboard;

/// <summary>One tenant at a glance: each flow's last and next run and open errors, and what failed in the last 24 hours.</summary>
public sealed record TenantHealth(
    string Slug,
    string Name,
    string Integration, // the integration's display name
    IReadOnlyList<FlowHealth> Flows,
    int FailedRecords24h,
    int FailedRuns24h)
{
    public DateTime? LastRunAt => Flows.Max(f => f.LastRunAt);

    public DateTimeOffset? NextRunAt => Flows.Where(f => f.NextRunAt is not null).Min(f => f.NextRunAt);

    /// <summary>Records whose latest outcome is a failure, over all flows.</summary>
    public int OpenErrors => Flows.Sum(f => f.OpenErrors);

    // A flow's health is its open failures, not its last run: a one-record resync that succeeded leaves the 78
    // records that failed before as failed as they were.
    public HealthState State =>
        Flows.Count == 0 ? HealthState.NoFlows
        : FailedRuns24h > 0 || Flows.Any(f => f.LastRunStatus == RunStatus.Failed) ? HealthState.Failing
        : OpenErrors > 0 || FailedRecords24h > 0 || Flows.Any(f => f.LastRunStatus == RunStatus.CompletedWithErrors) ? HealthState.Warning
        : Flows.All(f => f.LastRunAt is null) ? HealthState.NeverRun
        : HealthState.Healthy;
}

public sealed record FlowHealth(
    string Key,
    string Name,
    bool Enabled,
    DateTime? LastRunAt,
    RunStatus? LastRunStatus,
    bool Running,
    DateTimeOffset? NextRunAt,
    int OpenErrors = 0);

/// <summary>Ordered from worst to best, so sorting by state puts the tenants that need attention first.</summary>
public enum HealthState
{
    Failing = 1,
    Warning = 2,
    NeverRun = 3,
    NoFlows = 4,
    Healthy = 5,
}
