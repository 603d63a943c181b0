using System.Text;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// Names the runs a stored delivery starts (tenant and flows), so the worker can put deliveries that would run the
/// same flows of the same tenant in one line. Looks each tenant's integration up once per batch.
/// </summary>
internal sealed class DeliveryRoutes(KoppelDb db, IntegrationCatalog catalog)
{
    private readonly Dictionary<int, string?> _integrationOf = [];

    public async Task<string> KeyAsync(int tenantId, string system, string body, CancellationToken ct)
    {
        if (!_integrationOf.TryGetValue(tenantId, out var integration))
            _integrationOf[tenantId] = integration = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Integration).FirstOrDefaultAsync(ct);
        var intake = integration is null ? null : catalog.Find(integration)?.Webhooks.FirstOrDefault(w => w.Segment == system);
        IEnumerable<string> flows = intake?.Route(Encoding.UTF8.GetBytes(body)).Select(r => r.Flow).Distinct().Order() ?? Enumerable.Empty<string>();
        return $"{tenantId}:{string.Join(',', flows)}";
    }
}
