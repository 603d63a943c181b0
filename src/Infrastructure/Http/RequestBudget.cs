namespace Koppel.Infrastructure.Http;

/// <summary>
/// At most N requests in any window of the given length, strictly, as the remote system counts them. A request
/// holds its slot until its answer has arrived, and the slot returns one window after that: the system saw the
/// request somewhere between sending and answering, so counting from the answer keeps the limit even when a
/// request spent a while in transit. (Counting from the send let a slow request and the next burst land in one
/// window of the system's count; the framework's sliding and fixed windows let up to twice the limit through
/// around a window edge.)
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

    private async Task ReturnLaterAsync()
    {
        await Task.Delay(window, clock);
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
