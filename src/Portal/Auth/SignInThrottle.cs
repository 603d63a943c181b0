using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;

namespace Koppel.Portal.Auth;

/// <summary>The Auth:SignInThrottle section.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Auth:SignInThrottle";

    [Range(1, 1000, ErrorMessage = "Auth:SignInThrottle:FailuresPerAddress must be between 1 and 1000.")]
    public int FailuresPerAddress { get; set; } = 10;

    [Range(1, 24 * 60, ErrorMessage = "Auth:SignInThrottle:WindowMinutes must be between 1 and 1440.")]
    public int WindowMinutes { get; set; } = 10;
}

/// <summary>
/// Failed sign-ins counted per client address, not per account: an address that failed too often waits, whichever
/// account it tries, while nobody can lock a real user (or the support account) out by guessing wrong on purpose,
/// and the answer never tells which accounts exist.
/// </summary>
public sealed class SignInThrottle(SignInThrottleOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.FailuresPerAddress,
            Window = TimeSpan.FromMinutes(options.WindowMinutes),
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        }));

    /// <summary>False while the address has used up its failures for the window.</summary>
    public bool MayTry(IPAddress address) => _failures.GetStatistics(address)?.CurrentAvailablePermits is not 0;

    public void Failed(IPAddress address) => _failures.AttemptAcquire(address).Dispose();

    public void Dispose() => _failures.Dispose();
}
