using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync.Mappings;

/// <summary>Reads a tenant flow's current mapping: its latest saved version, or the flow's default.</summary>
public static class MappingStore
{
    public static async Task<FieldMapping> CurrentAsync(KoppelDb db, int tenantId, FlowDefinition flow, CancellationToken ct)
    {
        var json = await db.MappingVersions.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Flow == flow.Key)
            .OrderByDescending(m => m.Version)
            .Select(m => m.MappingJson)
            .FirstOrDefaultAsync(ct);
        return json is null ? flow.DefaultMapping : MappingJson.Deserialize(json);
    }
}
