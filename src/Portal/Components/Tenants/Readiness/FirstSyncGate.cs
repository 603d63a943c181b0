using Koppel.Infrastructure.Tenants;
using MudBlazor;

namespace Koppel.Portal.Components.Tenants.Readiness;

/// <summary>
/// Before a tenant's first sync from the portal, its integration's readiness checklist runs; when it fails, support
/// confirms before data starts to flow. Later syncs, tenants of integrations without a checklist, and API runs pass.
/// </summary>
public static class FirstSyncGate
{
    /// <returns>True when the run may start.</returns>
    public static async Task<bool> AllowAsync(ReadinessReader readiness, IDialogService dialogs, string slug, string flowName)
    {
        if (!await readiness.BeforeFirstSyncAsync(slug, CancellationToken.None)) return true;
        var result = await readiness.RunAsync(slug, CancellationToken.None);
        if (result is null || result.Passed) return true;
        var reason = result.Problem is { } problem
            ? $"The readiness checklist could not be run: {problem}"
            : "The readiness checklist fails: " + string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => $"{c.Title} ({c.Count} to fix)")) + ".";
        var confirmed = await dialogs.ShowMessageBoxAsync(
            $"First sync of {flowName}?",
            $"{reason} Syncing now sends the data as it is; the Readiness panel lists what to fix first.",
            yesText: "Sync anyway", cancelText: "Cancel");
        return confirmed == true;
    }
}
