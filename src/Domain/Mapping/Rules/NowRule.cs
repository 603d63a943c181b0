namespace Koppel.Domain.Mapping;

/// <summary>The run's time from <see cref="MappingContext.Now"/> as ISO 8601 text (the seed's "DateNow", "now()").</summary>
public sealed record NowRule : Rule;
