namespace Koppel.Domain.Mapping;

/// <summary>A number as text using a .NET numeric format string in the invariant culture ("0.00" gives "12.50").</summary>
public sealed record FormatNumberRule(Rule Input, string Format) : Rule;
