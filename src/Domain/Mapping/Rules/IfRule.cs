namespace Koppel.Domain.Mapping;

/// <summary>The seed's "If ... THEN ... Otherwise ...". Without <see cref="Otherwise"/> the value is null when the condition fails.</summary>
public sealed record IfRule(Condition Condition, Rule Then, Rule? Otherwise = null) : Rule;
