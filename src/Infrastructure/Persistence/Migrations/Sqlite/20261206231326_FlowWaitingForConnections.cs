using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.Sqlite
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
                type: "INTEGER",
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
