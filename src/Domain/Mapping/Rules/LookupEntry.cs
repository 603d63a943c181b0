using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koppel.Domain.Mapping;

/// <summary>One row of a lookup table: a source value (as text) and the target value it becomes.</summary>
public sealed record LookupEntry(
    string Key,
    // Written even when null: mapping a code to null is a deliberate row.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonNode? Value)
{
    public bool Equals(LookupEntry? other) =>
        other is not null && Key == other.Key && Structural.NodesEqual(Value, other.Value);

    public override int GetHashCode() => HashCode.Combine(Key, Structural.NodeHash(Value));
}
