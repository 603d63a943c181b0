using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tenants;

/// <summary>For calls nobody waits for any more: their failure is logged instead of going unobserved.</summary>
internal static class Background
{
    public static void Observe(Task call, ILogger log, string what) =>
        _ = call.ContinueWith(
            t => log.LogWarning(t.Exception!.GetBaseException(), "{What} failed after the page stopped waiting", what),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
