using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>One value a setting may take, with the words the source system uses for it (e.g. a warehouse's code and name).</summary>
public sealed record SettingChoice(string Value, string Label);

/// <summary>What a choices provider may use: the tenant's decrypted connections, for the length of one read.</summary>
public sealed class SettingChoiceContext
{
    public required IReadOnlyDictionary<string, ConnectionInfo> Connections { get; init; }
    public required ConnectorHttp Http { get; init; }
    public required TimeProvider Clock { get; init; }
    /// <summary>Stores a rotated secret at once (system, name, value), as a flow run would.</summary>
    public required Func<string, string, string, CancellationToken, Task> SaveSecretAsync { get; init; }

    public ConnectionInfo Connection(string system) =>
        Connections.TryGetValue(system, out var c)
            ? c
            : throw new RunStopped($"The tenant has no {system} connection yet. Fill in its connection first.");
}

/// <summary>
/// Reads the values a setting may take live from a source system, so the options form offers a picker instead of
/// asking for ids. Registered per setting path ("warehouses.subset") on <see cref="IntegrationDefinition.Choices"/>.
/// </summary>
public delegate Task<IReadOnlyList<SettingChoice>> SettingChoices(SettingChoiceContext context, CancellationToken ct);
