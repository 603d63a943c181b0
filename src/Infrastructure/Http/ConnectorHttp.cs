using System.Collections.Concurrent;
using Koppel.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Http;

/// <summary>How fast and how patiently the hub may talk to one system (its documented limits).</summary>
public sealed record HttpPolicy
{
    /// <summary>Requests allowed per <see cref="Window"/> for one connection.</summary>
    public int PermitsPerWindow { get; init; } = 60;
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);
    public int MaxRetries { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Longest Retry-After the hub will wait for in-run; beyond it the call fails and the run reports it.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Creates HttpClients for connectors: one shared socket pool, the retry policy, and one request budget per
/// connection that lives as long as the process so consecutive runs share the budget.
/// </summary>
/// <param name="unthrottled">
/// Drops the request budgets. Only for measuring the hub itself against emulators whose limits are lifted too
/// (the sync benchmark); never for real systems, which answer with 429s or block the account.
/// </param>
/// <param name="telemetry">Counts every call per system (the connection key's part before the first colon); runs count their own calls without it.</param>
public sealed class ConnectorHttp(ILoggerFactory loggers, bool unthrottled = false, SyncTelemetry? telemetry = null) : IDisposable
{
    private readonly SocketsHttpHandler _sockets = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 16,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
    private readonly ConcurrentDictionary<string, RequestBudget> _budgets = new();

    /// <param name="connectionKey">Identifies the remote account (e.g. "exactOnline:division 123") for rate limiting.</param>
    /// <param name="auth">Adds credentials and refreshes them once on a 401; null for anonymous calls.</param>
    public HttpClient Create(string connectionKey, HttpPolicy policy, IAccessTokenSource? auth = null)
    {
        HttpMessageHandler handler = new NonDisposingHandler(_sockets);
        handler = new MeteredHandler(connectionKey.Split(':')[0], telemetry) { InnerHandler = handler };
        if (!unthrottled)
        {
            var budget = _budgets.GetOrAdd(connectionKey, _ => new RequestBudget(policy.PermitsPerWindow, policy.Window, TimeProvider.System));
            handler = new RateLimitHandler(budget) { InnerHandler = handler };
        }
        if (auth is not null) handler = new AccessTokenHandler(auth) { InnerHandler = handler };
        handler = new RetryHandler(policy, loggers.CreateLogger<RetryHandler>()) { InnerHandler = handler };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        foreach (var budget in _budgets.Values) budget.Dispose();
        _sockets.Dispose();
    }

    /// <summary>Lets many short-lived clients share one socket pool.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing) { }
    }
}
