using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Alerts;

/// <summary>Tries again, on every hub process, the notices whose first send failed (a mail server that was down).</summary>
public sealed class AlertRetryService(AlertNotices notices, AlertOptions options, ILogger<AlertRetryService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.RetryAfter);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await notices.SendPendingAsync(ct: stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Sending owed alert notices failed"); }
        }
    }
}
