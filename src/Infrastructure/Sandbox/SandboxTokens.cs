using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>Access tokens an emulator issues: opaque, per account, expiring, and revocable by a fault.</summary>
public sealed class SandboxTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Account, DateTimeOffset Expires)> _tokens = new();

    public string Issue(string account, TimeSpan lifetime)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = (account, clock.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>The account a bearer token belongs to, or null when it is unknown or expired.</summary>
    public string? Validate(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var t) && t.Expires > clock.GetUtcNow() ? t.Account : null;

    /// <summary>Reads "Authorization: Bearer x" and validates it.</summary>
    public string? FromHeader(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? Validate(authorization["Bearer ".Length..].Trim())
            : null;

    public void ExpireAll() => _tokens.Clear();
}
