namespace Koppel.Domain.Mapping;

/// <summary>
/// A date re-written with a .NET format string (invariant culture). Input may be Exact's "/Date(ms)/",
/// ISO 8601, or text in <see cref="InputFormat"/>. Dates without an offset are taken as UTC so the
/// output never depends on the server's time zone.
/// </summary>
public sealed record FormatDateRule(Rule Input, string Format, string? InputFormat = null) : Rule;
