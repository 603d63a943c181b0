namespace Koppel.Domain.Tenants;

/// <summary>A customer of the hub: one integration, its connections, settings and flows.</summary>
public sealed class Tenant
{
    public int Id { get; set; }
    /// <summary>URL-safe identifier used by the API and the portal (e.g. "demo-exact").</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// <summary>Key of the integration this tenant runs (e.g. "exact-optiply").</summary>
    public required string Integration { get; set; }
    /// <summary>The integration's typed settings, serialised as camelCase JSON.</summary>
    public string SettingsJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Connection> Connections { get; set; } = [];
}
