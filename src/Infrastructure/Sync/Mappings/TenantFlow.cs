using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync.Mappings;

/// <summary>A tenant with its connections, its integration and one of its flows, as the mapping editor's services need them.</summary>
internal sealed record TenantFlow(Tenant Tenant, IntegrationDefinition Integration, FlowDefinition Flow)
{
    /// <exception cref="KeyNotFoundException">Unknown tenant or flow, with a sentence naming it.</exception>
    public static async Task<TenantFlow> ResolveAsync(KoppelDb db, IntegrationCatalog catalog, string slug, string flowKey, CancellationToken ct)
    {
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        var flow = integration.Flow(flowKey) ?? throw new KeyNotFoundException($"The {integration.Name} integration has no flow \"{flowKey}\".");
        return new TenantFlow(tenant, integration, flow);
    }

    /// <summary>Runs the flow's record rules in order, as a run does before mapping; null data when a rule drops the record.</summary>
    /// <remarks>On a copy: rules may add to the data they are given, and the caller still shows the record as read.</remarks>
    public static (System.Text.Json.Nodes.JsonObject? Data, string? Excluded) ApplyRules(IReadOnlyList<IRecordRule> rules, System.Text.Json.Nodes.JsonObject record)
    {
        var data = (System.Text.Json.Nodes.JsonObject)record.DeepClone();
        foreach (var rule in rules)
        {
            switch (rule.Apply(data))
            {
                case RuleDecision.Keep keep:
                    data = keep.Data;
                    break;
                case RuleDecision.Skip skip:
                    return (null, $"Skipped by the flow's rules: {skip.Reason}");
                case RuleDecision.Delete delete:
                    return (null, $"The flow's rules remove it from the target: {delete.Reason}");
            }
        }
        return (data, null);
    }
}
