using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>The value equals one of a list, e.g. Exact OrderStatus in (30, 40); equality as in <see cref="EqualsCondition"/>.</summary>
public sealed record InCondition(Rule Value, IReadOnlyList<JsonNode?> Values, bool IgnoreCase = false) : Condition
{
    public bool Equals(InCondition? other) =>
        other is not null && Equals(Value, other.Value) && Structural.NodeListsEqual(Values, other.Values)
        && IgnoreCase == other.IgnoreCase;

    public override int GetHashCode() => HashCode.Combine(Value, Structural.NodeListHash(Values), IgnoreCase);
}
