using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Hosting;

/// <summary>
/// Where the hub listens when nothing is configured, and its first address as other systems can call it. The default
/// lives here, not in appsettings.json, because a <c>Urls</c> key there would override ASPNETCORE_URLS and the
/// HTTP_PORTS variables that container platforms set.
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    /// <summary>True when neither Urls nor the port variables nor Kestrel endpoints say where to listen.</summary>
    public static bool IsUnset(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["urls"]) && string.IsNullOrWhiteSpace(configuration["http_ports"])
        && string.IsNullOrWhiteSpace(configuration["https_ports"]) && !configuration.GetSection("Kestrel:Endpoints").Exists();

    /// <summary>The first configured listen address (before the server has started and can be asked).</summary>
    public static string First(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls) return urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        if (configuration["http_ports"] is { Length: > 0 } ports) return $"http://localhost:{ports.Split(';', ',')[0].Trim()}";
        return Default;
    }

    /// <summary>An address others can call: a wildcard host made concrete, ending in a slash so relative paths append.</summary>
    public static Uri Callable(string listen)
    {
        var builder = new UriBuilder(listen.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://localhost"));
        if (!builder.Path.EndsWith('/')) builder.Path += "/";
        return builder.Uri;
    }
}
