namespace Koppel.Portal.Auth;

/// <summary>Where a user goes after signing in: the page asked for when allowed, else the user's home page.</summary>
public static class Landing
{
    public static string For(bool isSupport, string? tenantSlug, string? returnUrl)
    {
        var asked = IsLocal(returnUrl) ? returnUrl : null;
        if (isSupport) return asked ?? "/";
        if (tenantSlug is null) return "/";
        var home = $"/tenants/{tenantSlug}";
        return asked is not null && (asked == home || asked.StartsWith(home + "/", StringComparison.Ordinal) || asked.StartsWith(home + "?", StringComparison.Ordinal))
            ? asked
            : home;
    }

    /// <summary>Only paths on this site: "//evil.example" and "/\evil.example" are other sites to a browser.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal);
}
