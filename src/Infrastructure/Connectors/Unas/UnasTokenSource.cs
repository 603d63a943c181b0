using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Connectors.Unas;

/// <summary>
/// UNAS's API-key login. A token lives about two hours and UNAS counts logins, so the token is kept process-wide
/// per shop and reused by every run until shortly before its ExpireTime; a refused token is replaced once.
/// </summary>
public sealed class UnasTokenSource(UnasAccount account, Func<string, XElement, CancellationToken, Task<XElement>> post, TimeProvider clock) : IAccessTokenSource
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, Entry> Cache = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public string? Token;
        public DateTimeOffset RenewAt;
    }

    public async Task<string> GetAsync(bool refresh, CancellationToken ct)
    {
        var entry = Cache.GetOrAdd(account.CacheKey, _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            if (!refresh && entry.Token is not null && clock.GetUtcNow() < entry.RenewAt) return entry.Token;
            var login = await post("login", new XElement("Params", new XElement("ApiKey", account.ApiKey)), ct);
            var token = login.Element("Token")?.Value;
            if (string.IsNullOrEmpty(token) || login.Element("Status")?.Value is { } status && status != "ok")
                throw new Integrations.RunStopped("UNAS's login answered without a token. Check the API key on the webshop's connection.");
            var expires = long.TryParse(login.Element("ExpireTime")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
                ? DateTimeOffset.FromUnixTimeSeconds(unix) : clock.GetUtcNow().AddHours(2);
            entry.Token = token;
            entry.RenewAt = expires - Margin;
            return token;
        }
        finally
        {
            entry.Gate.Release();
        }
    }
}
