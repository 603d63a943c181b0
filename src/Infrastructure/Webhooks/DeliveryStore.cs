using System.Collections.Concurrent;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// Stores accepted deliveries in the queue table with group commit: deliveries arriving together are inserted in one
/// transaction, and each caller's task completes only once its row is committed, so a 200 still means "stored".
/// One writer instead of one transaction per request is what keeps a burst answered quickly: on SQLite concurrent
/// writers otherwise queue on the file lock with back-off sleeps; on a server database it saves a round trip per row.
/// </summary>
public sealed class DeliveryStore(IDbContextFactory<KoppelDb> dbs)
{
    /// <summary>Rows per transaction at most, so one commit stays short.</summary>
    private const int MaxBatch = 500;

    private readonly ConcurrentQueue<(WebhookDelivery Delivery, TaskCompletionSource Stored)> _waiting = new();
    private int _writing;

    public Task StoreAsync(WebhookDelivery delivery)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((delivery, stored));
        StartWriterIfIdle();
        return stored.Task;
    }

    private void StartWriterIfIdle()
    {
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0) _ = Task.Run(WriteAsync);
    }

    private async Task WriteAsync()
    {
        try
        {
            while (!_waiting.IsEmpty)
            {
                var batch = new List<(WebhookDelivery Delivery, TaskCompletionSource Stored)>();
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next)) batch.Add(next);
                try
                {
                    await using var db = await dbs.CreateDbContextAsync();
                    db.WebhookDeliveries.AddRange(batch.Select(b => b.Delivery));
                    await db.SaveChangesAsync();
                    foreach (var (_, stored) in batch) stored.TrySetResult();
                }
                catch (Exception e)
                {
                    // Not stored: each caller answers with an error and the sender delivers again later.
                    foreach (var (_, stored) in batch) stored.TrySetException(e);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
            // A delivery enqueued after the last look but before the flag was cleared would wait for the next caller.
            if (!_waiting.IsEmpty) StartWriterIfIdle();
        }
    }
}
