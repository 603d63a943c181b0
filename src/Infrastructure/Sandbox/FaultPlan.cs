namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// Faults a sandbox injects into its coming answers. Counts are consumed one per request (or record), after
/// <see cref="AfterRequests"/> requests went through normally, so a fault can hit the middle of a run.
/// </summary>
public sealed record FaultPlan
{
    public int AfterRequests { get; init; }
    /// <summary>Answer 429 with a Retry-After header this many times.</summary>
    public int TooManyRequests { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    /// <summary>Answer 500 this many times.</summary>
    public int ServerErrors { get; init; }
    /// <summary>Delay every answer this long (a slow or timing-out system).</summary>
    public int DelayMilliseconds { get; init; }
    /// <summary>Invalidate the access tokens issued so far, this many times (the next call gets 401).</summary>
    public int ExpireTokens { get; init; }
    /// <summary>Corrupt this many records in list answers (the emulator decides how, e.g. a wrong-typed field).</summary>
    public int MalformedRecords { get; init; }
}
