using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>A tenant's run, its log and its links survive a trip through the migrated database unchanged.</summary>
public sealed class RoundTripTests
{
    // Microsecond precision: PostgreSQL keeps no finer, and SQLite keeps whatever it is given.
    private static readonly DateTime Started = new(2026, 11, 22, 8, 30, 15, 123, 456, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_tenant_with_run_log_entry_and_link_reads_back_as_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        long runId;
        await using (var db = await database.MigratedContextAsync())
        {
            var tenant = new Tenant
            {
                Slug = "demo-exact",
                Name = "Demo Exact → Optiply",
                Integration = "exact-optiply",
                SettingsJson = """{"priceSelection":"purchasePrice"}""",
                CreatedAt = Started.AddDays(-1),
                UpdatedAt = Started.AddDays(-1),
                Connections = [new Connection { System = "exactOnline", FieldsJson = """{"division":"123456"}""", UpdatedAt = Started }],
            };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();

            var run = new SyncRun
            {
                TenantId = tenant.Id, Flow = "products", Mode = RunMode.Incremental, Trigger = RunTrigger.Schedule,
                Status = RunStatus.Succeeded, StartedAt = Started, EndedAt = Started.AddSeconds(42), Read = 3, Created = 1, Updated = 1, Failed = 1,
            };
            db.SyncRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;

            db.SyncLog.Add(new SyncLogEntry
            {
                TenantId = tenant.Id, RunId = run.Id, Flow = "products", Outcome = Outcome.Failed, At = Started.AddSeconds(5),
                SourceKey = "ITEM-0042", Message = "Optiply refused the product: name is required. Give the item a description in Exact.",
                SourcePayload = """{"Code":"ITEM-0042","Description":""}""", TargetResponse = "422 name: required",
            });
            db.RecordLinks.Add(new RecordLink
            {
                TenantId = tenant.Id, Entity = "product", SourceId = "ITEM-0041", TargetId = "901",
                PayloadHash = new string('a', 64), Payload = """{"name":"Bolt M6"}""", UpdatedAt = Started.AddSeconds(4),
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var tenant = await db.Tenants.Include(t => t.Connections).SingleAsync(t => t.Slug == "demo-exact");
            Assert.Equal("Demo Exact → Optiply", tenant.Name);
            Assert.Equal("exactOnline", Assert.Single(tenant.Connections).System);

            var run = await db.SyncRuns.SingleAsync(r => r.Id == runId);
            Assert.Equal((RunMode.Incremental, RunTrigger.Schedule, RunStatus.Succeeded), (run.Mode, run.Trigger, run.Status));
            Assert.Equal((3, 1, 1, 1), (run.Read, run.Created, run.Updated, run.Failed));

            var entry = await db.SyncLog.SingleAsync(l => l.RunId == runId);
            Assert.Equal((Outcome.Failed, "ITEM-0042"), (entry.Outcome, entry.SourceKey));
            Assert.Equal("422 name: required", entry.TargetResponse);

            var link = await db.RecordLinks.SingleAsync(l => l.TenantId == tenant.Id && l.Entity == "product" && l.SourceId == "ITEM-0041");
            Assert.Equal("901", link.TargetId);

            AssertUtc(Started.AddDays(-1), tenant.CreatedAt);
            AssertUtc(Started, tenant.Connections[0].UpdatedAt);
            AssertUtc(Started, run.StartedAt);
            AssertUtc(Started.AddSeconds(42), run.EndedAt!.Value);
            AssertUtc(Started.AddSeconds(5), entry.At);
            AssertUtc(Started.AddSeconds(4), link.UpdatedAt);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Timestamps_compare_as_utc_in_queries(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using (var db = await database.MigratedContextAsync())
        {
            db.Tenants.Add(new Tenant { Slug = "t", Name = "T", Integration = "exact-optiply", CreatedAt = Started, UpdatedAt = Started });
            await db.SaveChangesAsync();
            var tenantId = (await db.Tenants.SingleAsync()).Id;
            for (var minute = 0; minute < 3; minute++)
            {
                db.SyncRuns.Add(new SyncRun { TenantId = tenantId, Flow = "products", StartedAt = Started.AddMinutes(minute) });
            }
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var since = Started.AddSeconds(30);
            var later = await db.SyncRuns.Where(r => r.StartedAt > since).OrderBy(r => r.StartedAt).Select(r => r.StartedAt).ToListAsync();

            Assert.Equal([Started.AddMinutes(1), Started.AddMinutes(2)], later);
            Assert.All(later, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        }
    }

    private static void AssertUtc(DateTime expected, DateTime actual)
    {
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
        Assert.Equal(expected, actual);
    }
}
