using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>An Exact access token and when it expires.</summary>
internal sealed record ExactAccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// How an Exact connection keeps its access token among its (encrypted) secrets, so a restarted hub or another hub
/// process on the same database reuses it instead of asking Exact for a new one, which Exact refuses within ten
/// minutes of the last. Also the refresh lease: the one process that is renewing the token right now.
/// </summary>
internal static class ExactStoredToken
{
    public const string RefreshTokenName = "refreshToken";
    public const string AccessTokenName = "accessToken";
    public const string LeaseName = "accessTokenRefreshLease";

    /// <summary>Longer than a token call may take (its attempt timeout): a process that died holding it blocks no one for long.</summary>
    public static readonly TimeSpan LeaseHold = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The stored access token, if it was issued to this connection as it stands: a customer who reconnects (a new
    /// refresh token, another app or division) must not get the previous grant's token.
    /// </summary>
    public static ExactAccessToken? Read(IReadOnlyDictionary<string, string> secrets, string grant)
    {
        if (secrets.GetValueOrDefault(AccessTokenName) is not { Length: > 0 } json) return null;
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(json);
            return stored is not null && stored.Grant == Fingerprint(grant, secrets.GetValueOrDefault(RefreshTokenName))
                ? new ExactAccessToken(stored.Token, stored.ExpiresAt)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores a renewed token with the refresh token that came with it, and gives up the lease.</summary>
    public static void Write(Dictionary<string, string> secrets, string grant, string refreshToken, ExactAccessToken access)
    {
        secrets[RefreshTokenName] = refreshToken;
        secrets[AccessTokenName] = JsonSerializer.Serialize(new Stored(access.Token, access.ExpiresAt, Fingerprint(grant, refreshToken)));
        secrets.Remove(LeaseName);
    }

    /// <summary>Takes the lease unless another process holds one that has not lapsed.</summary>
    public static bool TryLease(Dictionary<string, string> secrets, DateTimeOffset now)
    {
        if (secrets.GetValueOrDefault(LeaseName) is { } held
            && DateTimeOffset.TryParse(held, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until) && until > now)
            return false;
        secrets[LeaseName] = (now + LeaseHold).ToString("O", CultureInfo.InvariantCulture);
        return true;
    }

    private static string Fingerprint(string grant, string? refreshToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(grant + "|" + refreshToken)))[..32];

    private sealed record Stored(string Token, DateTimeOffset ExpiresAt, string Grant);
}
