using Koppel.Domain.Tenants;

namespace Koppel.Infrastructure.Integrations;

/// <summary>What a flow's parts get to work with during one run of one tenant.</summary>
public sealed class FlowContext : ConnectedContext
{
    public required Tenant Tenant { get; init; }
    /// <summary>The integration's typed settings object (cast to the integration's settings type).</summary>
    public required object Settings { get; init; }
    public required LinkLookup Links { get; init; }
    /// <summary>The scope this run is for (e.g. the webshop's key), when the integration declares scopes; see <see cref="FlowScope"/>.</summary>
    public string? Scope { get; init; }

    public T SettingsAs<T>() where T : class => (T)Settings;
}
