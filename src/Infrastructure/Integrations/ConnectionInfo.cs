namespace Koppel.Infrastructure.Integrations;

/// <summary>A tenant's decrypted connection to one system, handed to connectors for the length of a run.</summary>
public sealed class ConnectionInfo(string system, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, string> secrets)
{
    public string System { get; } = system;
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;
    /// <summary>The secrets as they were when the connection was read (see <see cref="Store"/> for the newest).</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    /// <summary>Where this connection is stored; null for connection values that are not stored (yet), e.g. a test of unsaved edits.</summary>
    public IConnectionStore? Store { get; init; }

    /// <summary>
    /// Stores a rotated or new secret at once, in its own transaction (e.g. Exact's refresh token). The one way a
    /// connector saves a secret. Does nothing when the connection is not stored.
    /// </summary>
    public Task SaveSecretAsync(string name, string value, CancellationToken ct) =>
        Store is null ? Task.CompletedTask : Store.UpdateSecretsAsync(s =>
        {
            s[name] = value;
            return true;
        }, ct);

    /// <summary>A field or secret by name; a clear error when a required one is missing.</summary>
    public string Require(string name) =>
        Get(name) ?? throw new RunStopped($"The {System} connection has no {name}. Fill it in on the tenant's connection settings.");

    public string? Get(string name) =>
        Fields.TryGetValue(name, out var f) && !string.IsNullOrEmpty(f) ? f
        : Secrets.TryGetValue(name, out var s) && !string.IsNullOrEmpty(s) ? s
        : null;

    public override string ToString() => $"{System} connection";
}
