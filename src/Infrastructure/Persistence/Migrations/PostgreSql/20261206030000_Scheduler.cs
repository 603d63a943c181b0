using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.PostgreSql
{
    /// <summary>
    /// The scheduler keeps each flow's next due time in the database (Coravel polls it); runs name the node that ran
    /// them; a flow remembers when it last reached the end of a run, so flows reading its output can wait for it.
    /// </summary>
    public partial class Scheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "SyncRuns",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastSucceededAt",
                table: "FlowStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextDueAt",
                table: "FlowStates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_Status",
                table: "SyncRuns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FlowStates_NextDueAt",
                table: "FlowStates",
                column: "NextDueAt");

            // Flows that already reached the end of a run count as done for the flows that read their output.
            migrationBuilder.Sql("""
                UPDATE "FlowStates" SET "LastSucceededAt" = (
                    SELECT MAX(r."StartedAt") FROM "SyncRuns" r
                     WHERE r."TenantId" = "FlowStates"."TenantId" AND r."Flow" = "FlowStates"."Flow"
                       AND r."Status" IN (2, 3) AND r."Mode" <> 3)
                """);

            // Quartz is gone: its clustered job store (created by the 20261122000100_QuartzTables release) goes with it.
            foreach (var table in new[]
                     {
                         "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_scheduler_state", "qrtz_locks",
                         "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers",
                         "qrtz_job_details", "qrtz_calendars",
                     })
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncRuns_Status",
                table: "SyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_FlowStates_NextDueAt",
                table: "FlowStates");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "LastSucceededAt",
                table: "FlowStates");

            migrationBuilder.DropColumn(
                name: "NextDueAt",
                table: "FlowStates");
        }
    }
}
