using System.Security.Cryptography;
using System.Text;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Unas;

/// <summary>An UNAS shop's API key and the address its functions are appended to (<c>{BaseUrl}/getOrder</c>).</summary>
public sealed record UnasAccount(string ApiKey, string BaseUrl)
{
    public const string Platform = "unas";
    public const string DefaultBaseUrl = "https://api.unas.eu/shop";

    public static UnasAccount From(ConnectionInfo connection) =>
        new(connection.Require("apiKey"), (connection.Get("baseUrl") ?? DefaultBaseUrl).TrimEnd('/'));

    /// <summary>Identifies the shop in process-wide caches without keeping the key itself as a dictionary key.</summary>
    public string CacheKey => $"{BaseUrl.ToLowerInvariant()}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)))[..16]}";

    // The key is a secret: the record must never print it.
    public override string ToString() => "UNAS shop";
}
