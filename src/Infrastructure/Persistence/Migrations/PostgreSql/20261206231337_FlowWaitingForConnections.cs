using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FlowWaitingForConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "WaitingForConnections",
                table: "FlowStates",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingForConnections",
                table: "FlowStates");
        }
    }
}
