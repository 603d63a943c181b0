using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Koppel.Infrastructure.Persistence.Migrations;

/// <summary>The durable webhook queue: a delivery is stored before the sender gets its 200, then processed in the background.</summary>
[DbContext(typeof(KoppelDb))]
[Migration("20261206030000_WebhookDeliveries")]
public sealed class WebhookDeliveries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WebhookDeliveries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = table.Column<int>(nullable: false),
                System = table.Column<string>(maxLength: 64, nullable: false),
                Body = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                ProcessedAt = table.Column<DateTime>(nullable: true),
                Error = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                table.ForeignKey("FK_WebhookDeliveries_Tenants_TenantId", x => x.TenantId, "Tenants", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_DueAt", "WebhookDeliveries", ["DueAt"]);
        migrationBuilder.CreateIndex("IX_WebhookDeliveries_TenantId", "WebhookDeliveries", ["TenantId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("WebhookDeliveries");
}
