namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// The stored side of a tenant's connection: its secrets as the database holds them now. Several runs, and several
/// hub processes on one database, share them, so a connector that rotates a token reads the newest value here and
/// changes it with <see cref="UpdateSecretsAsync"/>, which never overwrites a change it has not seen.
/// </summary>
public interface IConnectionStore
{
    /// <summary>The secrets as stored right now (another run or process may have rotated them since the run began).</summary>
    Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(CancellationToken ct);

    /// <summary>
    /// Changes the stored secrets in one atomic step. <paramref name="change"/> gets the current secrets and edits them,
    /// or returns false to leave them as they are. When another writer got in between, it is called again with the newer
    /// secrets. Returns whether anything was written.
    /// </summary>
    Task<bool> UpdateSecretsAsync(Func<Dictionary<string, string>, bool> change, CancellationToken ct);
}
