namespace Koppel.Domain.Mapping;

/// <summary>Mapping JSON that cannot be read; <see cref="JsonPath"/> points at the offending part ("$.fields[0].rule").</summary>
public sealed class MappingFormatException(string message, string? jsonPath, Exception? inner = null)
    : Exception(message, inner)
{
    public string? JsonPath { get; } = jsonPath;
}
