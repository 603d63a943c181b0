using System.Collections.Concurrent;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>The faults currently planned per sandbox system, consumed as requests come in. Thread-safe.</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, State> _bySystem = new();

    public void Plan(string segment, FaultPlan plan) => _bySystem[segment] = new State(plan);

    public void Clear(string segment) => _bySystem.TryRemove(segment, out _);

    public FaultPlan? Current(string segment) => _bySystem.TryGetValue(segment, out var s) ? s.Snapshot() : null;

    /// <summary>Decides what the next request to <paramref name="segment"/> suffers, consuming one fault.</summary>
    public FaultDecision Next(string segment) =>
        _bySystem.TryGetValue(segment, out var state) ? state.Next() : FaultDecision.None;

    /// <summary>True when the emulator should corrupt the record it is about to return.</summary>
    public bool TakeMalformed(string segment) => _bySystem.TryGetValue(segment, out var s) && s.TakeMalformed();

    public sealed record FaultDecision(int? Status, int RetryAfterSeconds, int DelayMilliseconds, bool ExpireTokens)
    {
        public static readonly FaultDecision None = new(null, 0, 0, false);
    }

    private sealed class State(FaultPlan plan)
    {
        private readonly Lock _lock = new();
        private int _seen, _tooMany = plan.TooManyRequests, _errors = plan.ServerErrors, _expire = plan.ExpireTokens, _malformed = plan.MalformedRecords;

        public FaultPlan Snapshot()
        {
            lock (_lock)
                return plan with { TooManyRequests = _tooMany, ServerErrors = _errors, ExpireTokens = _expire, MalformedRecords = _malformed };
        }

        public FaultDecision Next()
        {
            lock (_lock)
            {
                if (++_seen <= plan.AfterRequests) return FaultDecision.None with { DelayMilliseconds = plan.DelayMilliseconds };
                if (_expire > 0) { _expire--; return new FaultDecision(null, 0, plan.DelayMilliseconds, true); }
                if (_tooMany > 0) { _tooMany--; return new FaultDecision(429, plan.RetryAfterSeconds, plan.DelayMilliseconds, false); }
                if (_errors > 0) { _errors--; return new FaultDecision(500, 0, plan.DelayMilliseconds, false); }
                return FaultDecision.None with { DelayMilliseconds = plan.DelayMilliseconds };
            }
        }

        public bool TakeMalformed()
        {
            lock (_lock)
            {
                if (_seen <= plan.AfterRequests || _malformed <= 0) return false;
                _malformed--;
                return true;
            }
        }
    }
}
