namespace Koppel.Domain.Mapping;

/// <summary>The parts' text joined by <see cref="Separator"/>; empty parts are skipped so no separator dangles.</summary>
public sealed record ConcatRule(IReadOnlyList<Rule> Parts, string Separator = "") : Rule
{
    public bool Equals(ConcatRule? other) =>
        other is not null && Structural.ListsEqual(Parts, other.Parts) && Separator == other.Separator;

    public override int GetHashCode() => HashCode.Combine(Structural.ListHash(Parts), Separator);
}
