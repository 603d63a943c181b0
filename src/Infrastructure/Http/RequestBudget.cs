namespace Koppel.Infrastructure.Http;

/// <summary>
/// At most N requests in any window of the given length, strictly. Each request holds a slot that returns
/// only one window after it was taken. (The framework's sliding and fixed windows let up to twice the limit
/// through around a window edge, which a system counting per rolling minute answers with 429s.)
/// </summary>
public sealed class RequestBudget(int permits, TimeSpan window, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(permits, permits);

    public async Task WaitAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        _ = ReturnLaterAsync();
    }

    private async Task ReturnLaterAsync()
    {
        await Task.Delay(window, clock);
        _slots.Release();
    }

    public void Dispose() => _slots.Dispose();
}
