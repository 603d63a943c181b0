namespace Koppel.Infrastructure.Integrations;

/// <summary>A tenant's decrypted connection to one system, handed to connectors for the length of a run.</summary>
public sealed class ConnectionInfo(string system, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string> secrets)
{
    public string System { get; } = system;
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;
    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    /// <summary>
    /// Stores a rotated secret of this stored connection at once (e.g. Exact's refresh token during "test
    /// connection"); null for connection values that are not stored yet.
    /// </summary>
    public Func<string, string, CancellationToken, Task>? SaveSecretAsync { get; init; }

    /// <summary>A field or secret by name; a clear error when a required one is missing.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new RunStopped($"The {System} connection has no {name}. Fill it in on the tenant's connection settings.");

    public string? Get(string name) =>
        Fields.TryGetValue(name, out var f) && !string.IsNullOrEmpty(f) ? f
        : Secrets.TryGetValue(name, out var s) && !string.IsNullOrEmpty(s) ? s
        : null;

    public override string ToString() => $"{System} connection";
}
