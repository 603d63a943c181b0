using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>What every connector call of a tenant works with: its decrypted connections, the shared HTTP stack and the clock.</summary>
public abstract class ConnectedContext
{
    public required IReadOnlyDictionary<string, ConnectionInfo> Connections { get; init; }
    public required ConnectorHttp Http { get; init; }
    public required TimeProvider Clock { get; init; }

    public ConnectionInfo Connection(string system) =>
        Connections.TryGetValue(system, out var c)
            ? c
            : throw new RunStopped($"The tenant has no {system} connection yet. Add it on the tenant's connection settings.");
}
