using System.Text.Json;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tenants;

/// <summary>Reads a tenant's connections with their secrets decrypted, each with its store for rotated secrets.</summary>
public sealed class TenantConnections(IDbContextFactory<KoppelDb> dbs, SecretProtector secrets)
{
    public IReadOnlyDictionary<string, ConnectionInfo> Decrypt(Tenant tenant) =>
        tenant.Connections.ToDictionary(c => c.System, c => new ConnectionInfo(
            c.System,
            JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [],
            secrets.Unprotect(c.ProtectedSecrets))
        {
            Store = new StoredConnection(dbs, secrets, tenant.Id, c.System),
        });

    /// <summary>
    /// One connection's secrets in the database. A change is written with a conditional update on the encrypted value
    /// it was made from (every encryption differs, so the value is its own version): of two processes changing the same
    /// connection at once, one writes and the other sees the newer secrets and tries again. Writes are never cancelled:
    /// a rotated token that was issued must be kept whatever happens to the run.
    /// </summary>
    private sealed class StoredConnection(IDbContextFactory<KoppelDb> dbs, SecretProtector protector, int tenantId, string system) : IConnectionStore
    {
        public async Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(CancellationToken ct)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            return protector.Unprotect(await StoredAsync(db, ct));
        }

        public async Task<bool> UpdateSecretsAsync(Func<Dictionary<string, string>, bool> change, CancellationToken ct)
        {
            await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
            while (true)
            {
                var stored = await StoredAsync(db, CancellationToken.None);
                var all = protector.Unprotect(stored);
                if (!change(all)) return false;
                var updated = protector.Protect(all);
                var written = await db.Connections
                    .Where(c => c.TenantId == tenantId && c.System == system && c.ProtectedSecrets == stored)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProtectedSecrets, updated).SetProperty(c => c.UpdatedAt, DateTime.UtcNow),
                        CancellationToken.None);
                if (written == 1) return true;
            }
        }

        private Task<string?> StoredAsync(KoppelDb db, CancellationToken ct) =>
            db.Connections.Where(c => c.TenantId == tenantId && c.System == system).Select(c => c.ProtectedSecrets).FirstAsync(ct);
    }
}
