using Koppel.Domain.Alerts;
using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("Incidents");
        e.Property(i => i.Flow).HasMaxLength(64);
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(i => i.Reason).HasMaxLength(500);
        e.Property(i => i.NoticeError).HasMaxLength(500);
        // Of two processes opening the same incident at once, the second insert fails here (portable, unlike a filtered index).
        e.HasIndex(i => new { i.TenantId, i.Flow, i.Kind, i.Number }).IsUnique();
        e.Ignore(i => i.PendingNotice);
        e.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
