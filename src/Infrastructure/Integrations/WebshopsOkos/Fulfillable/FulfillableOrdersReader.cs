using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Fulfillable;

/// <summary>The fulfillable-orders view of a tenant with the webshops integration, read live from its Okos-Ügyvitel company.</summary>
public sealed class FulfillableOrdersReader(IDbContextFactory<KoppelDb> dbs, SettingChoiceReader contexts)
{
    /// <returns>Null when the tenant's integration is not webshops → Okos-Ügyvitel.</returns>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    /// <exception cref="SyncProblem">The ERP could not be read (its reason in the hub's words).</exception>
    public async Task<ErpOpenOrders?> ReadAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        if (tenant.Integration != WebshopsOkosIntegration.Key) return null;
        var context = contexts.ContextFor(tenant);
        return await ErpOpenOrders.ReadAsync(OkosClient.For(context.Connection(OkosAccount.System), context.Http), ct);
    }
}
