using System.Text.RegularExpressions;

namespace Koppel.Infrastructure.Tenants;

/// <summary>Tenant slugs appear in URLs and API keys: lower-case letters, digits and hyphens.</summary>
public static partial class TenantSlug
{
    public static string? Problem(string? slug) =>
        slug is not null && Pattern().IsMatch(slug) ? null
        : "A tenant id is 2 to 64 lower-case letters, digits or hyphens, starting with a letter or digit.";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex Pattern();
}
