using System.Collections.Concurrent;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// The tokens of Exact connection values that are not stored (a test of unsaved edits), in this process's memory,
/// so a run that started with a refresh token such a test spent adopts the newest instead of presenting a dead one. Stored connections keep their tokens in the database (<see cref="ExactStoredToken"/>).
/// </summary>
internal static class ExactTokenCache
{
    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    public static Entry For(string grant) => Entries.GetOrAdd(grant, _ => new Entry());

    internal sealed class Entry
    {
        /// <summary>Serialises refreshes of such values in this process.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);
        /// <summary>The newest token pair issued to unsaved connection values, kept in memory only.</summary>
        public ExactAccessToken? Access { get; set; }
        public string? RefreshToken { get; set; }
        public HashSet<string> Spent { get; } = new(StringComparer.Ordinal);
    }
}
