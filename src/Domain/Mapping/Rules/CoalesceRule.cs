namespace Koppel.Domain.Mapping;

/// <summary>The first of <see cref="Rules"/> whose value is not empty; a missing source field counts as empty here.</summary>
public sealed record CoalesceRule(IReadOnlyList<Rule> Rules) : Rule
{
    public bool Equals(CoalesceRule? other) => other is not null && Structural.ListsEqual(Rules, other.Rules);

    public override int GetHashCode() => Structural.ListHash(Rules);
}
