using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class OpenErrorConfiguration : IEntityTypeConfiguration<OpenError>
{
    public void Configure(EntityTypeBuilder<OpenError> e)
    {
        e.Property(o => o.Flow).HasMaxLength(64);
        e.Property(o => o.SourceKey).HasMaxLength(200);
        e.Property(o => o.DisplayName).HasMaxLength(RecordTitle.MaxLength);
        e.Property(o => o.Reason).HasMaxLength(OpenError.ReasonLength);
        e.Property(o => o.Setting).HasMaxLength(DecidingSetting.MaxLength);
        e.Property(o => o.ResolvedBy).HasMaxLength(200);
        e.Property(o => o.ResolutionNote).HasMaxLength(1000);
        e.Ignore(o => o.IsOpen);
        // One row per record: the engine finds a page's rows by this key.
        e.HasIndex(o => new { o.TenantId, o.Flow, o.SourceKey }).IsUnique();
        // Counts and the inbox's groups: open errors of a tenant (and flow) by reason.
        e.HasIndex(o => new { o.TenantId, o.ResolvedAt, o.Flow, o.Reason });
        e.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
