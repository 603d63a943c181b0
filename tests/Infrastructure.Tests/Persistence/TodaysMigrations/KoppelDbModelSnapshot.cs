// How to change the schema (EF's design-time package is not available, so migrations and this snapshot are
// written by hand; both stay provider-neutral: never give a column a type, let SQLite and PostgreSQL infer it).
//
//  1. Change the entity / its configuration.
//  2. Run `dotnet test tests/Infrastructure.Tests --filter MigrationTests`. The_snapshot_matches_the_model fails
//     and prints the operations EF would generate, e.g. "AddColumn SyncRuns.Note String nullable maxLength 500"
//     (PostgreSQL names max lengths and types; SQLite ignores max lengths).
//  3. Add a migration file next to this one: `[DbContext(typeof(KoppelDb))] [Migration("yyyyMMddHHmmss_Name")]`,
//     a later timestamp than every existing one, with those operations in Up (and their reverse in Down).
//     New integer keys get both `.Annotation("Sqlite:Autoincrement", true)` and
//     `.Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)`.
//     A required new column needs the default the test prints (e.g. `defaultValue: 0`) for existing rows.
//     On SQLite, AlterColumn and constraint changes throw NotSupportedException: EF would rebuild the table from
//     the migration's target model, and hand-written migrations have none. Prefer additive steps (add a
//     nullable column, backfill); where a rebuild is unavoidable, write it for SQLite with migrationBuilder.Sql.
//  4. Make the same change in BuildModel below (a property, its max length / nullability, an index, a key).
//     Write properties with their stored CLR type: enums as int, DateTime as DateTime (the UTC converter is not
//     part of the schema); a property without IsRequired() on a reference type is nullable.
//  5. Run the tests again: drift and "catalog equals model" must pass on SQLite and PostgreSQL.

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

using Koppel.Infrastructure.Persistence;

namespace Koppel.Infrastructure.Tests.Persistence.TodaysMigrations;

/// <summary>The model as the migrations leave it; <c>Migrate()</c> refuses to run when the live model differs.</summary>
[DbContext(typeof(KoppelDb))]
public sealed class KoppelDbModelSnapshot : ModelSnapshot
{
    private const string IdentityRole = "Microsoft.AspNetCore.Identity.IdentityRole";
    private const string User = "Koppel.Infrastructure.Persistence.KoppelUser";
    private const string Tenant = "Koppel.Domain.Tenants.Tenant";

    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        BuildIdentity(modelBuilder);

        modelBuilder.Entity("Koppel.Infrastructure.Persistence.DataProtectionKey", b =>
        {
            IdentityKey<int>(b);
            b.Property<string>("FriendlyName");
            b.Property<string>("Xml").IsRequired();
            b.HasKey("Id");
            b.ToTable("DataProtectionKeys");
        });

        modelBuilder.Entity(Tenant, b =>
        {
            IdentityKey<int>(b);
            b.Property<string>("Slug").IsRequired().HasMaxLength(64);
            b.Property<string>("Name").IsRequired().HasMaxLength(200);
            b.Property<string>("Integration").IsRequired().HasMaxLength(64);
            b.Property<string>("SettingsJson").IsRequired();
            b.Property<DateTime>("CreatedAt");
            b.Property<DateTime>("UpdatedAt");
            b.HasKey("Id");
            b.HasIndex("Slug").IsUnique();
            b.ToTable("Tenants");
        });

        modelBuilder.Entity("Koppel.Domain.Tenants.Connection", b =>
        {
            IdentityKey<int>(b);
            b.Property<int>("TenantId");
            b.Property<string>("System").IsRequired().HasMaxLength(64);
            b.Property<string>("FieldsJson").IsRequired();
            b.Property<string>("ProtectedSecrets");
            b.Property<DateTime>("UpdatedAt");
            b.HasKey("Id");
            b.HasIndex("TenantId", "System").IsUnique();
            b.ToTable("Connections");
            b.HasOne(Tenant, null).WithMany("Connections").HasForeignKey("TenantId")
                .OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Koppel.Domain.Mapping.MappingVersion", b =>
        {
            IdentityKey<long>(b);
            b.Property<int>("TenantId");
            b.Property<string>("Flow").IsRequired().HasMaxLength(64);
            b.Property<int>("Version");
            b.Property<string>("MappingJson").IsRequired();
            b.Property<DateTime>("SavedAt");
            b.Property<string>("SavedBy").HasMaxLength(200);
            b.Property<string>("Comment").HasMaxLength(500);
            b.HasKey("Id");
            b.HasIndex("TenantId", "Flow", "Version").IsUnique();
            b.ToTable("MappingVersions");
            OwnedByTenant(b);
        });

        modelBuilder.Entity("Koppel.Domain.Sync.FlowState", b =>
        {
            IdentityKey<int>(b);
            b.Property<int>("TenantId");
            b.Property<string>("Flow").IsRequired().HasMaxLength(64);
            b.Property<bool>("Enabled");
            b.Property<string>("Schedule").IsRequired().HasMaxLength(120);
            b.Property<string>("Cursor");
            b.Property<long?>("LastRunId");
            b.Property<DateTime?>("LastRunAt");
            b.Property<int?>("LastRunStatus");
            b.Property<long?>("RunningRunId");
            b.Property<DateTime?>("LeaseUntil");
            b.HasKey("Id");
            b.HasIndex("TenantId", "Flow").IsUnique();
            b.ToTable("FlowStates");
            OwnedByTenant(b);
        });

        modelBuilder.Entity("Koppel.Domain.Sync.SyncRun", b =>
        {
            IdentityKey<long>(b);
            b.Property<int>("TenantId");
            b.Property<string>("Flow").IsRequired().HasMaxLength(64);
            b.Property<int>("Mode");
            b.Property<int>("Trigger");
            b.Property<int>("Status");
            b.Property<DateTime>("StartedAt");
            b.Property<DateTime?>("EndedAt");
            b.Property<int>("Read");
            b.Property<int>("Created");
            b.Property<int>("Updated");
            b.Property<int>("Unchanged");
            b.Property<int>("Skipped");
            b.Property<int>("Failed");
            b.Property<int>("Deleted");
            b.Property<string>("Error");
            b.HasKey("Id");
            b.HasIndex("TenantId", "Flow", "StartedAt");
            b.ToTable("SyncRuns");
            OwnedByTenant(b);
        });

        modelBuilder.Entity("Koppel.Domain.Sync.SyncLogEntry", b =>
        {
            IdentityKey<long>(b);
            b.Property<int>("TenantId");
            b.Property<long>("RunId");
            b.Property<string>("Flow").IsRequired().HasMaxLength(64);
            b.Property<int>("Outcome");
            b.Property<DateTime>("At");
            b.Property<string>("SourceKey").IsRequired().HasMaxLength(200);
            b.Property<string>("TargetKey").HasMaxLength(200);
            b.Property<string>("Message").IsRequired();
            b.Property<string>("SourcePayload");
            b.Property<string>("TargetPayload");
            b.Property<string>("TargetResponse");
            b.HasKey("Id");
            b.HasIndex("TenantId", "RunId", "At");
            b.HasIndex("TenantId", "At");
            b.HasIndex("TenantId", "SourceKey");
            b.HasIndex("TenantId", "Flow", "At");
            b.HasIndex("TenantId", "Outcome", "At");
            b.HasIndex("TenantId", "Flow", "Outcome", "At");
            b.ToTable("SyncLog");
            OwnedByTenant(b);
        });

        modelBuilder.Entity("Koppel.Domain.Sync.RecordLink", b =>
        {
            IdentityKey<long>(b);
            b.Property<int>("TenantId");
            b.Property<string>("Entity").IsRequired().HasMaxLength(64);
            b.Property<string>("SourceId").IsRequired().HasMaxLength(200);
            b.Property<string>("TargetId").IsRequired().HasMaxLength(200);
            b.Property<string>("PayloadHash").HasMaxLength(64);
            b.Property<string>("Payload");
            b.Property<DateTime>("UpdatedAt");
            b.HasKey("Id");
            b.HasIndex("TenantId", "Entity", "SourceId").IsUnique();
            b.HasIndex("TenantId", "Entity", "TargetId");
            b.ToTable("RecordLinks");
            OwnedByTenant(b);
        });

        modelBuilder.Entity("Koppel.Domain.Sync.WebhookDelivery", b =>
        {
            IdentityKey<long>(b);
            b.Property<int>("TenantId");
            b.Property<string>("System").IsRequired().HasMaxLength(64);
            b.Property<string>("Body").IsRequired();
            b.Property<DateTime>("ReceivedAt");
            b.Property<DateTime?>("DueAt");
            b.Property<int>("Attempts");
            b.Property<DateTime?>("ProcessedAt");
            b.Property<string>("Error");
            b.HasKey("Id");
            b.HasIndex("DueAt");
            b.HasIndex("TenantId");
            b.ToTable("WebhookDeliveries");
            OwnedByTenant(b);
        });

        modelBuilder.Entity(Tenant, b => b.Navigation("Connections"));
    }

    private static void BuildIdentity(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity(IdentityRole, b =>
        {
            b.Property<string>("Id");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken();
            b.Property<string>("Name").HasMaxLength(256);
            b.Property<string>("NormalizedName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("NormalizedName").IsUnique().HasDatabaseName("RoleNameIndex");
            b.ToTable("AspNetRoles");
        });

        modelBuilder.Entity(User, b =>
        {
            b.Property<string>("Id");
            b.Property<int>("AccessFailedCount");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken();
            b.Property<string>("Email").HasMaxLength(256);
            b.Property<bool>("EmailConfirmed");
            b.Property<bool>("LockoutEnabled");
            b.Property<DateTimeOffset?>("LockoutEnd");
            b.Property<string>("NormalizedEmail").HasMaxLength(256);
            b.Property<string>("NormalizedUserName").HasMaxLength(256);
            b.Property<string>("PasswordHash");
            b.Property<string>("PhoneNumber");
            b.Property<bool>("PhoneNumberConfirmed");
            b.Property<string>("SecurityStamp");
            b.Property<string>("TenantSlug");
            b.Property<bool>("TwoFactorEnabled");
            b.Property<string>("UserName").HasMaxLength(256);
            b.HasKey("Id");
            b.HasIndex("NormalizedEmail").HasDatabaseName("EmailIndex");
            b.HasIndex("NormalizedUserName").IsUnique().HasDatabaseName("UserNameIndex");
            b.ToTable("AspNetUsers");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>", b =>
        {
            IdentityKey<int>(b);
            b.Property<string>("ClaimType");
            b.Property<string>("ClaimValue");
            b.Property<string>("RoleId").IsRequired();
            b.HasKey("Id");
            b.HasIndex("RoleId");
            b.ToTable("AspNetRoleClaims");
            b.HasOne(IdentityRole, null).WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
        {
            IdentityKey<int>(b);
            b.Property<string>("ClaimType");
            b.Property<string>("ClaimValue");
            b.Property<string>("UserId").IsRequired();
            b.HasKey("Id");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserClaims");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
        {
            b.Property<string>("LoginProvider");
            b.Property<string>("ProviderKey");
            b.Property<string>("ProviderDisplayName");
            b.Property<string>("UserId").IsRequired();
            b.HasKey("LoginProvider", "ProviderKey");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserLogins");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserRole<string>", b =>
        {
            b.Property<string>("UserId");
            b.Property<string>("RoleId");
            b.HasKey("UserId", "RoleId");
            b.HasIndex("RoleId");
            b.ToTable("AspNetUserRoles");
            b.HasOne(IdentityRole, null).WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
        {
            b.Property<string>("UserId");
            b.Property<string>("LoginProvider");
            b.Property<string>("Name");
            b.Property<string>("Value");
            b.HasKey("UserId", "LoginProvider", "Name");
            b.ToTable("AspNetUserTokens");
            b.HasOne(User, null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });
    }

    /// <summary>A database-generated key: AUTOINCREMENT on SQLite (inferred), an identity column on PostgreSQL.</summary>
    private static void IdentityKey<T>(EntityTypeBuilder b)
    {
        var id = b.Property<T>("Id").ValueGeneratedOnAdd();
        id.HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
    }

    private static void OwnedByTenant(EntityTypeBuilder b) =>
        b.HasOne(Tenant, null).WithMany().HasForeignKey("TenantId").OnDelete(DeleteBehavior.Cascade).IsRequired();
}
