namespace Koppel.Domain.Mapping;

/// <summary>True when every condition is true; evaluation stops at the first false one.</summary>
public sealed record AndCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public bool Equals(AndCondition? other) => other is not null && Structural.ListsEqual(Conditions, other.Conditions);

    public override int GetHashCode() => Structural.ListHash(Conditions);
}

/// <summary>True when any condition is true; evaluation stops at the first true one.</summary>
public sealed record OrCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public bool Equals(OrCondition? other) => other is not null && Structural.ListsEqual(Conditions, other.Conditions);

    public override int GetHashCode() => Structural.ListHash(Conditions);
}

public sealed record NotCondition(Condition Condition) : Condition;
