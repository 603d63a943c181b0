using Koppel.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// The hub's own address as demo tenants must call it to reach the emulators: Sandbox:BaseUrl when set
/// (behind a proxy), else the first address the hub listens on.
/// </summary>
public sealed class SandboxAddress(SandboxOptions options, IConfiguration configuration)
{
    public Uri Base => ListenAddress.Callable(options.BaseUrl is { Length: > 0 } configured ? configured : ListenAddress.First(configuration));
}
