namespace Koppel.Domain.Mapping;

/// <summary>
/// Translates a value through a table, e.g. Exact order status 21 to "completed". Numbers and booleans
/// match by their text ("21", "true"). With no matching row the <see cref="Default"/> applies; without
/// a default an unmatched value is a problem, so a new source code is noticed instead of silently dropped.
/// </summary>
public sealed record LookupRule(Rule Input, IReadOnlyList<LookupEntry> Table, Rule? Default = null, bool IgnoreCase = false) : Rule
{
    public bool Equals(LookupRule? other) =>
        other is not null && Equals(Input, other.Input) && Structural.ListsEqual(Table, other.Table)
        && Equals(Default, other.Default) && IgnoreCase == other.IgnoreCase;

    public override int GetHashCode() => HashCode.Combine(Input, Structural.ListHash(Table), Default, IgnoreCase);
}
