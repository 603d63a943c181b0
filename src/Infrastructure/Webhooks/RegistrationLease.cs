using System.Globalization;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// One hub process at a time registers a connection's webhooks. Two processes on one database (starting together, or
/// the hourly checks of two nodes) would otherwise both find an event missing and both subscribe it. The lease is a
/// reserved entry in the connection's stored secrets, taken with the store's conditional update (as Exact's token
/// refresh does), so it needs no table of its own; it lapses after <see cref="Hold"/> when its holder died.
/// </summary>
public sealed class RegistrationLease
{
    public const string SecretName = "webhookRegistrationLease";

    /// <summary>Longer than a registration takes (a few paced calls), short enough that a dead holder blocks little.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(3);

    /// <summary>How long a process waits for another one's registration before it leaves the check to that one.</summary>
    public static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly IConnectionStore _store;
    private readonly string _holder = Guid.NewGuid().ToString("N");

    private RegistrationLease(IConnectionStore store) => _store = store;

    /// <summary>
    /// Takes the lease, waiting while another process holds it; null when it was still held after
    /// <see cref="WaitAtMost"/> (that process is registering the same webhooks right now).
    /// </summary>
    public static async Task<RegistrationLease?> TakeAsync(IConnectionStore store, TimeProvider clock, CancellationToken ct)
    {
        var lease = new RegistrationLease(store);
        var deadline = clock.GetUtcNow() + WaitAtMost;
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await store.UpdateSecretsAsync(s => lease.TryTake(s, now), ct)) return lease;
            if (now >= deadline) return null;
            await Task.Delay(Poll, ct);
        }
    }

    /// <summary>Gives the lease back, unless it lapsed and another process took it meanwhile.</summary>
    public Task ReleaseAsync() =>
        _store.UpdateSecretsAsync(s => Holder(s) is { } held && held.Holder == _holder && s.Remove(SecretName), CancellationToken.None);

    private bool TryTake(Dictionary<string, string> secrets, DateTimeOffset now)
    {
        if (Holder(secrets) is { } held && held.Until > now) return false;
        secrets[SecretName] = $"{_holder}|{(now + Hold).ToString("O", CultureInfo.InvariantCulture)}";
        return true;
    }

    private static (string Holder, DateTimeOffset Until)? Holder(IReadOnlyDictionary<string, string> secrets)
    {
        if (secrets.GetValueOrDefault(SecretName) is not { } value || value.Split('|') is not [var holder, var until]) return null;
        return DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? (holder, at) : null;
    }
}
