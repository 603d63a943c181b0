using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

using Koppel.Infrastructure.Persistence;

namespace Koppel.Infrastructure.Tests.Persistence.TodaysMigrations;

/// <summary>
/// The whole schema as of the first release: ASP.NET Identity, tenants and their connections, mappings, flow
/// state, runs, the sync log, record links and the Data Protection key ring.
/// </summary>
/// <remarks>
/// Written by hand and provider-neutral: no column declares a type, so SQLite and PostgreSQL each map the CLR
/// type (and max length) the way they map the model. Identity keys carry both providers' annotations; each
/// provider ignores the other's.
/// </remarks>
[DbContext(typeof(KoppelDb))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIdentityTables(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Slug = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Integration = table.Column<string>(maxLength: 64, nullable: false),
                SettingsJson = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tenants", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Connections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                System = table.Column<string>(maxLength: 64, nullable: false),
                FieldsJson = table.Column<string>(nullable: false),
                ProtectedSecrets = table.Column<string>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Connections", x => x.Id);
                table.ForeignKey("FK_Connections_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "FlowStates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                Flow = table.Column<string>(maxLength: 64, nullable: false),
                Enabled = table.Column<bool>(nullable: false),
                Schedule = table.Column<string>(maxLength: 120, nullable: false),
                Cursor = table.Column<string>(nullable: true),
                LastRunId = table.Column<long>(nullable: true),
                LastRunAt = table.Column<DateTime>(nullable: true),
                LastRunStatus = table.Column<int>(nullable: true),
                RunningRunId = table.Column<long>(nullable: true),
                LeaseUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FlowStates", x => x.Id);
                table.ForeignKey("FK_FlowStates_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MappingVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                Flow = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
                MappingJson = table.Column<string>(nullable: false),
                SavedAt = table.Column<DateTime>(nullable: false),
                SavedBy = table.Column<string>(maxLength: 200, nullable: true),
                Comment = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MappingVersions", x => x.Id);
                table.ForeignKey("FK_MappingVersions_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RecordLinks",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                Entity = table.Column<string>(maxLength: 64, nullable: false),
                SourceId = table.Column<string>(maxLength: 200, nullable: false),
                TargetId = table.Column<string>(maxLength: 200, nullable: false),
                PayloadHash = table.Column<string>(maxLength: 64, nullable: true),
                Payload = table.Column<string>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecordLinks", x => x.Id);
                table.ForeignKey("FK_RecordLinks_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SyncLog",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                RunId = table.Column<long>(nullable: false),
                Flow = table.Column<string>(maxLength: 64, nullable: false),
                Outcome = table.Column<int>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                SourceKey = table.Column<string>(maxLength: 200, nullable: false),
                TargetKey = table.Column<string>(maxLength: 200, nullable: true),
                Message = table.Column<string>(nullable: false),
                SourcePayload = table.Column<string>(nullable: true),
                TargetPayload = table.Column<string>(nullable: true),
                TargetResponse = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SyncLog", x => x.Id);
                table.ForeignKey("FK_SyncLog_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SyncRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                Flow = table.Column<string>(maxLength: 64, nullable: false),
                Mode = table.Column<int>(nullable: false),
                Trigger = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                Read = table.Column<int>(nullable: false),
                Created = table.Column<int>(nullable: false),
                Updated = table.Column<int>(nullable: false),
                Unchanged = table.Column<int>(nullable: false),
                Skipped = table.Column<int>(nullable: false),
                Failed = table.Column<int>(nullable: false),
                Deleted = table.Column<int>(nullable: false),
                Error = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SyncRuns", x => x.Id);
                table.ForeignKey("FK_SyncRuns_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Tenants_Slug", "Tenants", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_Connections_TenantId_System", "Connections", ["TenantId", "System"], unique: true);
        migrationBuilder.CreateIndex("IX_FlowStates_TenantId_Flow", "FlowStates", ["TenantId", "Flow"], unique: true);
        migrationBuilder.CreateIndex("IX_MappingVersions_TenantId_Flow_Version", "MappingVersions", ["TenantId", "Flow", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_RecordLinks_TenantId_Entity_SourceId", "RecordLinks", ["TenantId", "Entity", "SourceId"], unique: true);
        migrationBuilder.CreateIndex("IX_RecordLinks_TenantId_Entity_TargetId", "RecordLinks", ["TenantId", "Entity", "TargetId"]);
        migrationBuilder.CreateIndex("IX_SyncLog_RunId", "SyncLog", "RunId");
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_At", "SyncLog", ["TenantId", "At"]);
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_Flow_At", "SyncLog", ["TenantId", "Flow", "At"]);
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_Flow_Outcome_At", "SyncLog", ["TenantId", "Flow", "Outcome", "At"]);
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_Outcome_At", "SyncLog", ["TenantId", "Outcome", "At"]);
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_SourceKey", "SyncLog", ["TenantId", "SourceKey"]);
        migrationBuilder.CreateIndex("IX_SyncRuns_TenantId_Flow_StartedAt", "SyncRuns", ["TenantId", "Flow", "StartedAt"]);
    }

    private static void CreateIdentityTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                TenantSlug = table.Column<string>(nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Dependents before their principals.
        foreach (var table in new[]
                 {
                     "SyncRuns", "SyncLog", "RecordLinks", "MappingVersions", "FlowStates", "Connections", "Tenants",
                     "DataProtectionKeys", "AspNetUserTokens", "AspNetUserRoles", "AspNetUserLogins",
                     "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
