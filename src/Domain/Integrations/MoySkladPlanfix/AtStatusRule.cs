using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>
/// Shipments and returns are made only when the Planfix order task stands at one of the statuses chosen in the settings.
/// Every status change of every task reaches the hub, so a task at another status is out of scope: skipped without a log line.
/// </summary>
/// <param name="option">The path of the status list in the tenant's settings, e.g. "shipments.atStatuses".</param>
public sealed class AtStatusRule(IReadOnlyCollection<int> atStatuses, string document, string option) : IRecordRule
{
    public const string StatusField = "status";

    public RuleDecision Apply(JsonObject data)
    {
        var status = data[StatusField] is JsonValue v && v.TryGetValue<int>(out var id) ? id : (int?)null;
        return status is { } s && atStatuses.Contains(s)
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip($"The task's status is not one at which a {document} is made.", Log: false, option);
    }
}
