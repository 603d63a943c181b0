using System.Diagnostics;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

/// <summary>
/// A clock that runs like a real one from a chosen start, and that a test can move forward by hand: token
/// lifetimes of ten minutes are tested in milliseconds, while short real waits still let time pass.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _running = Stopwatch.StartNew();
    private TimeSpan _jumped;

    public override DateTimeOffset GetUtcNow() => start + _running.Elapsed + _jumped;

    public void Advance(TimeSpan by) => _jumped += by;
}
