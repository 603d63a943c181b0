using Koppel.Domain.Audit;
using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.Property(a => a.Actor).HasMaxLength(200);
        e.Property(a => a.Subject).HasMaxLength(200);
        // Stored by name, so a new area added later never renumbers old rows.
        e.Property(a => a.Area).HasConversion<string>().HasMaxLength(32);
        // The tenant page reads a tenant's changes newest first.
        e.HasIndex(a => new { a.TenantId, a.Id });
        e.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
