using System.Security.Cryptography;
using System.Text;

namespace Koppel.Portal.Api;

/// <summary>One configured admin API key: for every tenant ("*") or for one tenant's slug.</summary>
public sealed record ApiKey(string Key, string Tenant)
{
    public bool AllTenants => Tenant == "*";
    public bool Allows(string tenant) => AllTenants || string.Equals(Tenant, tenant, StringComparison.Ordinal);
}

/// <summary>The keys from Admin:ApiKeys (checked at start), compared in constant time so a key cannot be guessed byte by byte.</summary>
public sealed class ApiKeys(AdminOptions options)
{
    private readonly IReadOnlyList<ApiKey> _keys = options.ApiKeys.Select(k => new ApiKey(k.Key!, k.Tenant!)).ToList();

    public const string Header = "X-Api-Key";

    public ApiKey? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        ApiKey? match = null;
        foreach (var key in _keys)
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key.Key)))
                match = key;
        return match;
    }

    public ApiKey? From(HttpContext http) => Find(http.Request.Headers[Header].FirstOrDefault());
}
