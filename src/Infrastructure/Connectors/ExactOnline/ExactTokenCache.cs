using System.Collections.Concurrent;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// The access token of each Exact connection, shared by every flow and run in this process. Exact refuses a
/// refresh within 570 s of the last one, so two flows of one tenant (or two runs ten minutes apart) must
/// reuse one token instead of each refreshing. Also remembers which refresh tokens this process already
/// spent, so a run that started with an older one adopts the newest instead of presenting a dead token.
/// </summary>
internal static class ExactTokenCache
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    public static Entry For(string baseUrl, string clientId, string division) =>
        Entries.GetOrAdd($"{baseUrl.TrimEnd('/').ToLowerInvariant()}|{clientId}|{division}", _ => new Entry());

    internal sealed class Entry
    {
        /// <summary>Serialises refreshes of one connection: only one may be in flight.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public string? AccessToken { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        /// <summary>The newest refresh token, already stored durably by the run that received it.</summary>
        public string? RefreshToken { get; set; }
        /// <summary>False while the newest refresh token is only in memory (a connection test could not store it).</summary>
        public bool RefreshTokenSaved { get; set; } = true;
        public HashSet<string> Spent { get; } = new(StringComparer.Ordinal);
    }
}
