namespace Koppel.Domain.Mapping;

/// <summary>
/// Left compared with right. Numbers (and numeric text against a number) compare numerically, booleans
/// (and "true"/"false" text against a boolean) as booleans, dates in Exact or ISO form as instants,
/// other text ordinally; <see cref="IgnoreCase"/> relaxes text comparison.
/// </summary>
public abstract record ComparisonCondition(Rule Left, Rule Right, bool IgnoreCase = false) : Condition;

public sealed record EqualsCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

public sealed record NotEqualsCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

/// <summary>Ordering comparisons are false when either side is empty; values that cannot be ordered are a problem.</summary>
public sealed record GreaterThanCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

public sealed record LessThanCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

public sealed record GreaterOrEqualCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

public sealed record LessOrEqualCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);

/// <summary>Text containing text, or an array containing an element equal to the right value.</summary>
public sealed record ContainsCondition(Rule Left, Rule Right, bool IgnoreCase = false) : ComparisonCondition(Left, Right, IgnoreCase);
