using Coravel.Invocable;

namespace Koppel.Infrastructure.Reconciliation;

/// <summary>The nightly reconciliation of every tenant, scheduled by Coravel at <c>Scheduler:ReconciliationHourUtc</c>.</summary>
public sealed class NightlyReconciliation(ReconciliationService reconciliation) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => reconciliation.ComputeAllAsync(CancellationToken);
}
