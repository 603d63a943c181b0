namespace Koppel.Domain.Mapping;

/// <summary>
/// What a mapping may know besides the source record. The clock is passed in rather than read so that
/// the same record and context always give the same payload (the change check hashes it).
/// </summary>
public sealed record MappingContext(DateTimeOffset Now);
