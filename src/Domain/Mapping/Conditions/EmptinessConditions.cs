namespace Koppel.Domain.Mapping;

/// <summary>True for a missing field, null, blank text, or an empty array or object. Zero and false are values, not empty.</summary>
public sealed record IsEmptyCondition(Rule Value) : Condition;

public sealed record IsNotEmptyCondition(Rule Value) : Condition;
