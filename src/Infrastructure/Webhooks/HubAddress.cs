using Koppel.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// The address external systems call the hub at: <c>Hub:PublicUrl</c> when set (behind a proxy, the public name),
/// else the first address the hub listens on.
/// </summary>
public sealed class HubAddress(HubOptions options, IConfiguration configuration, IServer? server = null)
{
    public Uri Public => ListenAddress.Callable(options.PublicUrl is { Length: > 0 } configured ? configured
        : server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ListenAddress.First(configuration));

    /// <summary>The hook address of one tenant and system.</summary>
    public Uri Hook(string tenant, string segment) => new(Public, $"hooks/{Uri.EscapeDataString(tenant)}/{Uri.EscapeDataString(segment)}");
}
