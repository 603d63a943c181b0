namespace Koppel.Infrastructure.Http;

/// <summary>
/// At most N requests in any window of the given length, strictly, as the remote system counts them. A request
/// holds its slot until its answer has arrived, and the slot returns one window after that: the system saw the
/// request somewhere between sending and answering, so counting from the answer keeps the limit even when a
/// request spent a while in transit. (Counting from the send let a slow request and the next burst land in one
/// window of the system's count; the framework's sliding and fixed windows let up to twice the limit through
/// around a window edge.) The slot is held a little past the window: timers fire up to a tick early and the
/// system's clock is not ours, and a request that lands a few milliseconds inside the old window is refused.
/// </summary>
public sealed class RequestBudget(int permits, TimeSpan window, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(permits, permits);

    /// <summary>Waits for a slot; disposing the returned slot (when the answer is in) starts its window.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(this);
    }

    /// <summary>How long after its answer a slot stays taken: the window plus 1% of it (at most a second) and 10 ms.</summary>
    public static TimeSpan HeldFor(TimeSpan window) =>
        window + TimeSpan.FromTicks(Math.Min(window.Ticks / 100, TimeSpan.TicksPerSecond)) + TimeSpan.FromMilliseconds(10);

    private async Task ReturnLaterAsync()
    {
        await Task.Delay(HeldFor(window), clock);
        _slots.Release();
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(RequestBudget budget) : IDisposable
    {
        private int _returned;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0) _ = budget.ReturnLaterAsync();
        }
    }
}
