using Koppel.Domain.Reconciliation;
using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class ReconciliationSnapshotConfiguration : IEntityTypeConfiguration<ReconciliationSnapshot>
{
    public void Configure(EntityTypeBuilder<ReconciliationSnapshot> e)
    {
        e.ToTable("Reconciliations");
        // Only the latest report is kept: one row per tenant, replaced by each computation.
        e.HasKey(r => r.TenantId);
        e.Property(r => r.TenantId).ValueGeneratedNever();
        e.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
