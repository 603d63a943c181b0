using System.Globalization;
using Koppel.Domain.Reconciliation;
using Koppel.Infrastructure.Reconciliation;
using Microsoft.AspNetCore.Components;

namespace Koppel.Portal.Components.Reconciliation;

/// <summary>
/// A tenant's latest reconciliation report, stored, so the page opens without asking any system; "Compute now" counts
/// both sides through the service the API and the nightly job use, so all three show the same figures.
/// </summary>
public sealed partial class ReconciliationPage
{
    [Inject] private ReconciliationService Reconciliation { get; set; } = default!;
    [Inject] private ILogger<ReconciliationPage> Log { get; set; } = default!;

    [Parameter] public string Slug { get; set; } = "";

    private ReconciliationReport? report;
    private bool loading = true;
    private bool computing;
    private bool tenantMissing;
    private string? problem;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        (tenantMissing, problem) = (false, null);
        try { report = await Reconciliation.LatestAsync(Slug, CancellationToken.None); }
        catch (KeyNotFoundException) { tenantMissing = true; }
        finally { loading = false; }
    }

    private async Task ComputeAsync()
    {
        computing = true;
        problem = null;
        try { report = await Reconciliation.ComputeAsync(Slug, CancellationToken.None); }
        catch (KeyNotFoundException) { tenantMissing = true; }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogError(e, "Computing the reconciliation of {Tenant} failed", Slug);
            problem = "The report could not be computed just now. Support finds the details in the server log.";
        }
        finally { computing = false; }
    }

    // Never a zero for a side that was not counted: the customer would read it as "nothing there".
    private static string Count(long? count) => count?.ToString("N0", CultureInfo.CurrentCulture) ?? "not counted";

    private static string Derived(long? value, bool estimated) =>
        value is { } v ? (estimated ? "≈ " : "") + v.ToString("N0", CultureInfo.CurrentCulture) : "—";

    private static IEnumerable<string> Problems(EntityReconciliation entity)
    {
        if (entity.SourceProblem is { } source) yield return $"{entity.SourceSystem} was not counted: {source}";
        if (entity.TargetProblem is { } target) yield return $"{entity.TargetSystem} was not counted: {target}";
    }

    // The inbox filters by flow and by text in the reason: the whole reason picks its group.
    private string InboxLink(FailingReason reason) =>
        $"tenants/{Uri.EscapeDataString(Slug)}/inbox?flow={Uri.EscapeDataString(reason.Flow)}&q={Uri.EscapeDataString(reason.Reason)}";
}
