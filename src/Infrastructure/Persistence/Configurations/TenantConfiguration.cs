using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> e)
    {
        e.Property(t => t.Slug).HasMaxLength(64);
        e.Property(t => t.Name).HasMaxLength(200);
        e.Property(t => t.Integration).HasMaxLength(64);
        e.HasIndex(t => t.Slug).IsUnique();
        e.HasMany(t => t.Connections).WithOne().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> e)
    {
        e.Property(c => c.System).HasMaxLength(64);
        e.HasIndex(c => new { c.TenantId, c.System }).IsUnique();
    }
}
