using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RunCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calls",
                table: "SyncRuns",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Calls",
                table: "SyncRuns");
        }
    }
}
