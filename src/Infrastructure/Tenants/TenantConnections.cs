using System.Text.Json;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tenants;

/// <summary>Reads a tenant's connections with their secrets decrypted, and stores rotated secrets at once.</summary>
public sealed class TenantConnections(IDbContextFactory<KoppelDb> dbs, SecretProtector secrets)
{
    public IReadOnlyDictionary<string, ConnectionInfo> Decrypt(Tenant tenant) =>
        tenant.Connections.ToDictionary(c => c.System, c => new ConnectionInfo(
            c.System,
            JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [],
            secrets.Unprotect(c.ProtectedSecrets))
        {
            SaveSecretAsync = (name, value, ct) => SaveSecretAsync(tenant.Id, c.System, name, value, ct),
        });

    /// <summary>
    /// Replaces one secret in its own short transaction. Used for refresh-token rotation: the new token must
    /// be durable before the access token that came with it is used, or a crash would disconnect the tenant.
    /// </summary>
    public async Task SaveSecretAsync(int tenantId, string system, string name, string value, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var connection = await db.Connections.FirstAsync(c => c.TenantId == tenantId && c.System == system, ct);
        var all = secrets.Unprotect(connection.ProtectedSecrets);
        all[name] = value;
        connection.ProtectedSecrets = secrets.Protect(all);
        connection.UpdatedAt = DateTime.UtcNow;
        // Not cancellable: a rotated token that was issued must be kept whatever happens to the run.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
