using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koppel.Domain.Mapping;

/// <summary>A fixed value: string, number, boolean or null (Optiply's supplier product status "enabled").</summary>
public sealed record ConstantRule(
    // Written even when null: a constant null is a deliberate value, not a missing property.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonNode? Value) : Rule
{
    public bool Equals(ConstantRule? other) => other is not null && Structural.NodesEqual(Value, other.Value);

    public override int GetHashCode() => Structural.NodeHash(Value);
}
