using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Leaves out documents of warehouses the tenant did not choose (settings.warehouses). The warehouse is the
/// first of <paramref name="fields"/> that holds one; "MainWarehouse" is the warehouse Exact marks as main,
/// which the source adds when the settings name none.
/// </summary>
public sealed class InChosenWarehouses(WarehouseSettings settings, params string[] fields) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var scope = WarehouseScope.From(settings, ExactJson.Guid(data["MainWarehouse"]));
        var warehouse = fields.Select(f => ExactJson.Guid(data[f])).FirstOrDefault(g => g is not null);
        return scope.Includes(warehouse)
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip("Its warehouse is not one of the warehouses this tenant syncs.", Log: false, "warehouses");
    }
}
