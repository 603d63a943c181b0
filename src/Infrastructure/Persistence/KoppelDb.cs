using Koppel.Domain.Alerts;
using Koppel.Domain.Audit;
using Koppel.Domain.Mapping;
using Koppel.Domain.Reconciliation;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Persistence;

/// <summary>The hub's database: tenants and their connections, settings, mappings, flow state, runs, log and links.</summary>
public sealed class KoppelDb(DbContextOptions<KoppelDb> options) : IdentityDbContext<KoppelUser>(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<MappingVersion> MappingVersions => Set<MappingVersion>();
    public DbSet<FlowState> FlowStates => Set<FlowState>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<SyncLogEntry> SyncLog => Set<SyncLogEntry>();
    public DbSet<RecordLink> RecordLinks => Set<RecordLink>();
    public DbSet<OpenError> OpenErrors => Set<OpenError>();
    /// <summary>The Data Protection key ring, so every node decrypts the same secrets (protected by <see cref="Secrets.KeyRing"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<ReconciliationSnapshot> Reconciliations => Set<ReconciliationSnapshot>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(KoppelDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every timestamp is UTC. SQLite hands DateTime back as "unspecified"; restoring the kind keeps
        // comparisons and JSON output identical on both providers.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
