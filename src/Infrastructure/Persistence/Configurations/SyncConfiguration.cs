using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koppel.Infrastructure.Persistence.Configurations;

internal sealed class FlowStateConfiguration : IEntityTypeConfiguration<FlowState>
{
    public void Configure(EntityTypeBuilder<FlowState> e)
    {
        e.Property(f => f.Flow).HasMaxLength(64);
        e.Property(f => f.Schedule).HasMaxLength(120);
        e.Property(f => f.PausedReason).HasMaxLength(200);
        e.HasIndex(f => new { f.TenantId, f.Flow }).IsUnique();
        // The scheduler's one query every few seconds: what is due.
        e.HasIndex(f => f.NextDueAt);
        e.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> e)
    {
        e.Property(r => r.Calls).HasMaxLength(1000);
        e.Property(r => r.Flow).HasMaxLength(64);
        e.Property(r => r.Node).HasMaxLength(100);
        e.HasIndex(r => new { r.TenantId, r.Flow, r.StartedAt });
        // A node's start-up looks for runs left "running" by a process that died.
        e.HasIndex(r => r.Status);
        e.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncLogEntryConfiguration : IEntityTypeConfiguration<SyncLogEntry>
{
    public void Configure(EntityTypeBuilder<SyncLogEntry> e)
    {
        e.ToTable("SyncLog");
        e.Property(l => l.Flow).HasMaxLength(64);
        e.Property(l => l.SourceKey).HasMaxLength(200);
        e.Property(l => l.DisplayName).HasMaxLength(RecordTitle.MaxLength);
        e.Property(l => l.TargetKey).HasMaxLength(200);
        e.Property(l => l.Setting).HasMaxLength(DecidingSetting.MaxLength);
        // The log viewer pages newest first within a tenant, optionally narrowed by flow and outcome;
        // each of these indexes serves one of those shapes without a sort over a million rows.
        e.HasIndex(l => new { l.TenantId, l.At });
        e.HasIndex(l => new { l.TenantId, l.Flow, l.At });
        e.HasIndex(l => new { l.TenantId, l.Outcome, l.At });
        e.HasIndex(l => new { l.TenantId, l.Flow, l.Outcome, l.At });
        // Key search is a prefix/equality lookup and "earlier outcomes of this record" in the details panel.
        e.HasIndex(l => new { l.TenantId, l.SourceKey });
        // "This run's records", in time order.
        e.HasIndex(l => new { l.TenantId, l.RunId, l.At });
        // Text search on SQLite has its own full-text table (migration SyncLogSearch), outside the model.
        e.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecordLinkConfiguration : IEntityTypeConfiguration<RecordLink>
{
    public void Configure(EntityTypeBuilder<RecordLink> e)
    {
        e.Property(l => l.Entity).HasMaxLength(64);
        e.Property(l => l.SourceId).HasMaxLength(200);
        e.Property(l => l.TargetId).HasMaxLength(200);
        e.Property(l => l.PayloadHash).HasMaxLength(64);
        e.HasIndex(l => new { l.TenantId, l.Entity, l.SourceId }).IsUnique();
        e.HasIndex(l => new { l.TenantId, l.Entity, l.TargetId });
        e.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MappingVersionConfiguration : IEntityTypeConfiguration<MappingVersion>
{
    public void Configure(EntityTypeBuilder<MappingVersion> e)
    {
        e.Property(m => m.Flow).HasMaxLength(64);
        e.Property(m => m.SavedBy).HasMaxLength(200);
        e.Property(m => m.Comment).HasMaxLength(500);
        e.HasIndex(m => new { m.TenantId, m.Flow, m.Version }).IsUnique();
        e.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
