using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.SyncLog.Retention;

/// <summary>
/// Runs the pruner in the background on every hub process. Several processes pruning at once is harmless: a
/// delete of an entry another process already deleted deletes nothing.
/// </summary>
public sealed class LogRetentionService(LogPruner pruner, IOptions<LogRetentionOptions> options, ILogger<LogRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PruneEveryMinutes));
        do
        {
            try
            {
                var deleted = await pruner.PruneAsync(stoppingToken);
                if (deleted > 0) log.LogInformation("Pruned {Count} sync log entries older than {Days} days", deleted, options.Value.RetentionDays);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a log that is pruned an hour late harms nobody.
                log.LogError(e, "Pruning the sync log failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
