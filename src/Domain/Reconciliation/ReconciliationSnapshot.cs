namespace Koppel.Domain.Reconciliation;

/// <summary>The latest reconciliation report of a tenant, stored so its page opens without asking any system.</summary>
public sealed class ReconciliationSnapshot
{
    public int TenantId { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>The <see cref="ReconciliationReport"/> as JSON: read and written whole, never queried by its parts.</summary>
    public required string Report { get; set; }
}
