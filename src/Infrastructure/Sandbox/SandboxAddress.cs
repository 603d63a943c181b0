using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// The hub's own address as demo tenants must call it to reach the emulators: Sandbox:BaseUrl when set
/// (behind a proxy), else the first address the hub listens on, with a wildcard host made concrete.
/// </summary>
public static class SandboxAddress
{
    public static Uri Of(IConfiguration configuration)
    {
        var configured = configuration["Sandbox:BaseUrl"];
        var listen = configured is { Length: > 0 } ? configured
            : (configuration["urls"] ?? configuration["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        var builder = new UriBuilder(listen.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://localhost"));
        if (!builder.Path.EndsWith('/')) builder.Path += "/";
        return builder.Uri;
    }
}
