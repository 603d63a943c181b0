namespace Koppel.Domain.Mapping;

/// <summary>A saved field mapping of one tenant's flow. Every save adds a version; the highest is current.</summary>
public sealed class MappingVersion
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Flow { get; set; }
    public int Version { get; set; }
    /// <summary>The <see cref="FieldMapping"/> as JSON.</summary>
    public required string MappingJson { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedBy { get; set; }
    public string? Comment { get; set; }
}
