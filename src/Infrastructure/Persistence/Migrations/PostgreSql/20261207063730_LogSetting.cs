using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LogSetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Setting",
                table: "SyncLog",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Setting",
                table: "OpenErrors",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Setting",
                table: "SyncLog");

            migrationBuilder.DropColumn(
                name: "Setting",
                table: "OpenErrors");
        }
    }
}
