using System.Diagnostics;

namespace Koppel.Benchmarks.Sync;

/// <summary>
/// Samples the hub's memory while a run goes on, so a peak can be told apart: the managed heap after the last
/// collection (what the hub holds plus garbage not yet collected), what the GC has committed, and the working set.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _print;
    private readonly Task _loop;

    public MemorySampler(TimeSpan every, bool print)
    {
        _print = print;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token)) Sample();
            }
            catch (OperationCanceledException) { }
        });
    }

    /// <summary>The largest managed heap seen after a collection.</summary>
    public double PeakHeapMb { get; private set; }

    private void Sample()
    {
        var info = GC.GetGCMemoryInfo();
        var heapMb = info.HeapSizeBytes / 1048576.0;
        PeakHeapMb = Math.Max(PeakHeapMb, heapMb);
        if (_print)
            Console.Error.WriteLine($"   [{_clock.Elapsed.TotalSeconds,5:F0} s] working set {Environment.WorkingSet / 1048576.0,5:N0} MB, heap after last GC {heapMb,5:N0} MB " +
                                    $"(gen2 {info.GenerationInfo[2].SizeAfterBytes / 1048576.0:N0}, LOH {info.GenerationInfo[3].SizeAfterBytes / 1048576.0:N0}), " +
                                    $"committed {info.TotalCommittedBytes / 1048576.0:N0} MB, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        _stop.Dispose();
    }
}
