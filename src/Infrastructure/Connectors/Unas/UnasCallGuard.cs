using System.Collections.Concurrent;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Unas;

/// <summary>
/// Keeps the hub far from UNAS's IP ban (20 consecutive failed calls of a function, or 5 failed logins, block the
/// hub's address for about an hour, for every shop): after a few consecutive failures of one function for one shop
/// the hub stops calling it for an hour and says so, instead of trying until UNAS bans it. Process-wide, so the
/// count survives from one run to the next.
/// </summary>
public static class UnasCallGuard
{
    /// <summary>Consecutive failures of one function after which the hub pauses it (well below UNAS's 20).</summary>
    public const int MaxFailures = 3;
    /// <summary>Consecutive failed logins after which the hub stops signing in (UNAS bans at 5).</summary>
    public const int MaxFailedLogins = 2;
    public static readonly TimeSpan Pause = TimeSpan.FromHours(1);

    private static readonly ConcurrentDictionary<string, State> States = new(StringComparer.Ordinal);

    private sealed class State
    {
        public int Failures;
        public DateTimeOffset PausedUntil;
    }

    /// <exception cref="RunStopped">The function is paused for this shop.</exception>
    public static void EnsureAllowed(UnasAccount account, string function, TimeProvider clock)
    {
        var state = States.GetOrAdd(Key(account, function), _ => new State());
        lock (state)
            if (state.PausedUntil > clock.GetUtcNow())
                throw new RunStopped($"The hub paused UNAS's {function} for this shop until {state.PausedUntil:HH:mm} UTC after {Limit(function)} failed calls in a row, "
                                     + "so that UNAS does not ban the hub's address. Check the API key and its allowed functions in the UNAS admin (Settings > External connections > API connection).");
    }

    public static void Succeeded(UnasAccount account, string function)
    {
        var state = States.GetOrAdd(Key(account, function), _ => new State());
        lock (state) state.Failures = 0;
    }

    /// <returns>True when this failure paused the function.</returns>
    public static bool Failed(UnasAccount account, string function, TimeProvider clock)
    {
        var state = States.GetOrAdd(Key(account, function), _ => new State());
        lock (state)
        {
            if (++state.Failures < Limit(function)) return false;
            state.Failures = 0;
            state.PausedUntil = clock.GetUtcNow() + Pause;
            return true;
        }
    }

    private static int Limit(string function) => function == "login" ? MaxFailedLogins : MaxFailures;
    private static string Key(UnasAccount account, string function) => $"{account.CacheKey}|{function}";
}
