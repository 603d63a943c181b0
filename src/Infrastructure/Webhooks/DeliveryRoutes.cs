using System.Text;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>A claimed delivery, the tenant it is for and the runs its body asks for.</summary>
internal sealed record RoutedDelivery(long Id, string Tenant, IReadOnlyList<WebhookRun> Runs);

/// <summary>Names the runs a stored delivery asks for. Looks each tenant up once per batch.</summary>
internal sealed class DeliveryRoutes(KoppelDb db, IntegrationCatalog catalog)
{
    private readonly Dictionary<int, (string Slug, string Integration)?> _tenants = [];

    /// <summary>Null when the tenant is gone; no runs for events its integration does not use.</summary>
    public async Task<RoutedDelivery?> RouteAsync(long id, int tenantId, string system, string body, CancellationToken ct)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
            _tenants[tenantId] = tenant = (await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
                .Select(t => new { t.Slug, t.Integration }).FirstOrDefaultAsync(ct)) is { } found ? (found.Slug, found.Integration) : null;
        if (tenant is not var (slug, integration)) return null;
        var intake = catalog.Find(integration)?.Webhooks.FirstOrDefault(w => w.Segment == system);
        return new RoutedDelivery(id, slug, intake?.Route(Encoding.UTF8.GetBytes(body)) ?? []);
    }
}
