using System.Runtime.CompilerServices;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Asks the source for its next page while the runner processes and commits the current one, so the source's answer
/// time overlaps the writes instead of adding to them. Pages still come, are committed and move the cursor in the
/// source's order; a read that fails surfaces after the page before it was committed, as without read-ahead.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> OneAhead<T>(this IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct)
    {
        // Stops a read in flight when the runner gives up on the run (a page stopped it, or it was cancelled).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pages = source.GetAsyncEnumerator(stop.Token);
        Task<bool>? next = null;
        try
        {
            next = pages.MoveNextAsync().AsTask();
            while (await next)
            {
                var current = pages.Current;
                next = pages.MoveNextAsync().AsTask();
                yield return current;
            }
            next = null;
        }
        finally
        {
            if (next is not null)
            {
                await stop.CancelAsync();
                // The run already ends on the caller's error; the abandoned read's own error (or cancellation) is observed, not thrown.
                await Task.WhenAny(next);
                _ = next.Exception;
            }
            await pages.DisposeAsync();
        }
    }
}
