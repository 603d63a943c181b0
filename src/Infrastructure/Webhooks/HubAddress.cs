using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// The address external systems call the hub at: <c>Hub:PublicUrl</c> when set (behind a proxy, the public name),
/// else the first address the hub listens on (the first of <c>Urls</c>), with a wildcard host made concrete.
/// </summary>
public sealed class HubAddress(IConfiguration configuration, IServer? server = null)
{
    public Uri Public
    {
        get
        {
            var configured = configuration["Hub:PublicUrl"];
            var listen = configured is { Length: > 0 } ? configured
                : server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? (configuration["urls"] ?? configuration["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            var builder = new UriBuilder(listen.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://localhost"));
            if (!builder.Path.EndsWith('/')) builder.Path += "/";
            return builder.Uri;
        }
    }

    /// <summary>The hook address of one tenant and system.</summary>
    public Uri Hook(string tenant, string segment) => new(Public, $"hooks/{Uri.EscapeDataString(tenant)}/{Uri.EscapeDataString(segment)}");
}
