using Koppel.Domain.Quota;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Quota;

/// <summary>
/// Decides whether a run may spend the systems' budgets now. Only low-priority work waits: a scheduled full run, or a
/// scheduled run of a flow that <see cref="FlowDefinition.Reconciles"/>, whose estimated calls would push a system
/// over its daily limit on top of today's use. Incremental runs, webhooks and button presses always go.
/// </summary>
public sealed class QuotaGate(TenantQuotaReader reader, QuotaDeclarations declarations)
{
    public static bool MayDefer(RunRequest request, FlowDefinition flow) =>
        request.Trigger == RunTrigger.Schedule && (request.Mode == RunMode.Full || request.Mode == RunMode.Incremental && flow.Reconciles);

    /// <summary>Null to start the run; else the sentence the deferred run records.</summary>
    /// <param name="flowKey">The stored flow key (with its scope), whose runs the estimate is taken from.</param>
    public async Task<string?> DeferralAsync(KoppelDb db, int tenantId, string flowKey, FlowDefinition flow, RunRequest request, CancellationToken ct)
    {
        if (!MayDefer(request, flow)) return null;
        // What the run will cost: a full run as a resync estimate; a reconciling flow's scheduled run as its recent runs did.
        // A flow that never ran has no estimate and goes: its first run is what measures it.
        var estimate = request.Mode == RunMode.Full
            ? (await reader.FullRunCallsAsync(db, tenantId, flowKey, flow, ct)).ToDictionary(c => c.System, c => (long)Math.Ceiling(c.Records * c.PerRecord))
            : (await TenantQuotaReader.AverageCallsAsync(db, tenantId, flowKey, ct)).ToDictionary(a => a.Key, a => (long)Math.Ceiling(a.Value));
        if (estimate.Count == 0) return null;
        var days = await reader.TodayAsync(db, tenantId, ct);
        foreach (var (system, calls) in estimate)
        {
            var day = days.FirstOrDefault(d => d.Quota.System == system) ?? new QuotaDay(declarations.For(system), 0, 0, 0);
            if (day.WouldExceed(calls)) return day.DeferralReason(calls);
        }
        return null;
    }
}
