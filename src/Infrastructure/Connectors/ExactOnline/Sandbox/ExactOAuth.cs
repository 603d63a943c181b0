using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>An access token's owner: the app (client id) and the division it was granted for.</summary>
public sealed record ExactGrant(string ClientId, int Division);

/// <summary>What the token endpoint answers: a status, a JSON body and, when refused as too early, Exact's Reason header.</summary>
public sealed record ExactTokenAnswer(int Status, JsonObject Body, string? Reason = null);

/// <summary>
/// Exact's OAuth rules: refresh tokens rotate (each refresh returns a new one and the old one is dead),
/// expire after 30 days unused; access tokens live 600 s and a new one is refused while the last one is
/// younger than 570 s and still valid. Thread-safe.
/// </summary>
public sealed class ExactOAuth(TimeProvider clock, SandboxTokens revocable)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(600);
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(570);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _clientSecrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ExactGrant Grant, DateTimeOffset Issued)> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ExactGrant Grant, DateTimeOffset Expires)> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<ExactGrant, (string Token, DateTimeOffset Issued)> _lastAccess = new();

    /// <summary>Registers the app and returns the refresh token a finished authorization would have given.</summary>
    /// <param name="refreshToken">A token to accept as issued (e.g. the one a demo tenant stored before the hub restarted
    /// and this in-memory emulator forgot it); null issues a new one.</param>
    public string Connect(int division, string clientId, string clientSecret, string? refreshToken = null)
    {
        lock (_lock)
        {
            _clientSecrets[clientId] = clientSecret;
            var token = string.IsNullOrEmpty(refreshToken) ? NewToken() : refreshToken;
            _refreshTokens[token] = (new ExactGrant(clientId, division), clock.GetUtcNow());
            return token;
        }
    }

    private int _tokenCalls;

    /// <summary>Calls of the token endpoint, answered or refused: tests check that the hub reuses its tokens.</summary>
    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    public ExactTokenAnswer Token(IReadOnlyDictionary<string, string> form)
    {
        Interlocked.Increment(ref _tokenCalls);
        var grantType = form.GetValueOrDefault("grant_type");
        if (grantType != "refresh_token")
            return Error(400, "unsupported_grant_type", "Only grant_type=refresh_token is emulated; connect the division through the sandbox.");
        var clientId = form.GetValueOrDefault("client_id") ?? "";
        var refreshToken = form.GetValueOrDefault("refresh_token") ?? "";
        lock (_lock)
        {
            if (!_clientSecrets.TryGetValue(clientId, out var secret) || secret != form.GetValueOrDefault("client_secret"))
                return Error(400, "invalid_client", "The client id or client secret is not valid.");
            var now = clock.GetUtcNow();
            if (!_refreshTokens.TryGetValue(refreshToken, out var current) || current.Grant.ClientId != clientId)
                return Error(400, "invalid_grant", "The refresh token is not valid.");
            if (now - current.Issued > RefreshTokenLifetime)
            {
                _refreshTokens.Remove(refreshToken);
                return Error(400, "invalid_grant", "The refresh token has expired.");
            }
            if (_lastAccess.TryGetValue(current.Grant, out var last) && now - last.Issued < MinimumRefreshInterval
                && revocable.Validate(last.Token) is not null)
                return Error(400, "access_denied", "Rate limit exceeded: access_token not expired") with
                {
                    Reason = $"TooEarlyToRefreshTokens: A new access token can be requested from {(last.Issued + MinimumRefreshInterval).UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
                };

            _refreshTokens.Remove(refreshToken);
            var newRefresh = NewToken();
            _refreshTokens[newRefresh] = (current.Grant, now);
            // The shared token registry lets the "expire tokens" fault revoke this token; its own expiry follows our clock.
            var access = revocable.Issue(current.Grant.Division.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromDays(1));
            _accessTokens[access] = (current.Grant, now + AccessTokenLifetime);
            _lastAccess[current.Grant] = (access, now);
            return new ExactTokenAnswer(200, new JsonObject
            {
                ["access_token"] = access,
                ["token_type"] = "bearer",
                ["expires_in"] = ((int)AccessTokenLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["refresh_token"] = newRefresh,
            });
        }
    }

    /// <summary>The grant behind "Authorization: Bearer x", or null when unknown, expired or revoked.</summary>
    public ExactGrant? Authenticate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization["Bearer ".Length..].Trim();
        lock (_lock)
        {
            if (!_accessTokens.TryGetValue(token, out var access)) return null;
            if (access.Expires <= clock.GetUtcNow() || revocable.Validate(token) is null)
            {
                _accessTokens.Remove(token);
                return null;
            }
            return access.Grant;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _clientSecrets.Clear();
            _refreshTokens.Clear();
            _accessTokens.Clear();
            _lastAccess.Clear();
        }
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '!').Replace('/', '*');

    private static ExactTokenAnswer Error(int status, string error, string description) =>
        new(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
