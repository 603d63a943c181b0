namespace Koppel.Domain.Audit;

/// <summary>
/// One change someone made to a tenant: which connection field, option, mapping, flow schedule or user, from what to
/// what. Secrets are never written here, only that they were set, changed or removed.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public DateTime At { get; set; }
    /// <summary>A portal user's e-mail address, or which API key ("API key …a1b2").</summary>
    public required string Actor { get; set; }
    public AuditArea Area { get; set; }
    /// <summary>What changed, as the API names it: "connections.optiply.clientId", "settings.warehouses.mode", "stocks".</summary>
    public required string Subject { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

public enum AuditArea { Tenant, Connection, Option, Mapping, Flow, User }
