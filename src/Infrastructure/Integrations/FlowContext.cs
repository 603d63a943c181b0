using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>What a flow's parts get to work with during one run of one tenant.</summary>
public sealed class FlowContext
{
    public required Tenant Tenant { get; init; }
    /// <summary>The integration's typed settings object (cast to the integration's settings type).</summary>
    public required object Settings { get; init; }
    public required IReadOnlyDictionary<string, ConnectionInfo> Connections { get; init; }
    public required ConnectorHttp Http { get; init; }
    public required LinkLookup Links { get; init; }
    /// <summary>Stores a connection's rotated secret at once, in its own transaction, before it is used.</summary>
    public required Func<string, string, string, CancellationToken, Task> SaveSecretAsync { get; init; }
    public required TimeProvider Clock { get; init; }
    /// <summary>The scope this run is for (e.g. the webshop's key), when the integration declares scopes; see <see cref="FlowScope"/>.</summary>
    public string? Scope { get; init; }

    public T SettingsAs<T>() where T : class => (T)Settings;

    public ConnectionInfo Connection(string system) =>
        Connections.TryGetValue(system, out var c)
            ? c
            : throw new RunStopped($"The tenant has no {system} connection yet. Add it on the tenant's connection settings.");
}
