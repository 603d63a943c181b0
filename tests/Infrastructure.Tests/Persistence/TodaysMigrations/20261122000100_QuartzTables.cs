using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

using Koppel.Infrastructure.Persistence;

namespace Koppel.Infrastructure.Tests.Persistence.TodaysMigrations;

/// <summary>
/// Tables of Quartz's clustered ADO job store (prefix <c>qrtz_</c>), PostgreSQL only: on PostgreSQL several
/// portal nodes share one scheduler through these tables, so each flow run happens once across nodes. SQLite
/// runs Quartz's in-memory store and gets nothing here.
/// </summary>
/// <remarks>
/// Column types follow what Quartz binds: instants and durations are .NET ticks / milliseconds in bigint,
/// flags are booleans, enum-like codes are integers, job data is the serializer's bytes. Identifiers are
/// unquoted so PostgreSQL folds Quartz's upper-case SQL onto these lower-case names. Not part of the EF
/// model: the snapshot does not know these tables and EF never touches them.
/// </remarks>
[DbContext(typeof(KoppelDb))]
[Migration("20261122000100_QuartzTables")]
public sealed class QuartzTables : Migration
{
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Dependents last, so Down can drop in reverse.</summary>
    private static readonly string[] CreateStatements =
    [
        """
        create table qrtz_job_details (
            sched_name        text    not null,
            job_name          text    not null,
            job_group         text    not null,
            description       text,
            job_class_name    text    not null,
            is_durable        boolean not null,
            is_nonconcurrent  boolean not null,
            is_update_data    boolean not null,
            requests_recovery boolean not null,
            job_data          bytea,
            constraint pk_qrtz_job_details primary key (sched_name, job_name, job_group)
        )
        """,
        """
        create table qrtz_triggers (
            sched_name              text    not null,
            trigger_name            text    not null,
            trigger_group           text    not null,
            job_name                text    not null,
            job_group               text    not null,
            description             text,
            next_fire_time          bigint,
            prev_fire_time          bigint,
            priority                integer,
            trigger_state           text    not null,
            trigger_type            text    not null,
            start_time              bigint  not null,
            end_time                bigint,
            calendar_name           text,
            misfire_instr           integer,
            misfire_orig_fire_time  bigint,
            misfire_threshold       bigint,
            job_data                bytea,
            execution_group         text,
            preferred_node          text,
            preferred_node_auto     boolean not null default false,
            retry_policy            text,
            retry_attempt           integer not null default 0,
            continues_trigger_name  text,
            continues_trigger_group text,
            continuation_condition  integer,
            overlap_policy          integer,
            fixed_delay             boolean,
            pause_reason            text,
            paused_by               text,
            paused_at               bigint,
            constraint pk_qrtz_triggers primary key (sched_name, trigger_name, trigger_group),
            constraint fk_qrtz_triggers_job_details foreign key (sched_name, job_name, job_group)
                references qrtz_job_details (sched_name, job_name, job_group)
        )
        """,
        """
        create table qrtz_simple_triggers (
            sched_name      text    not null,
            trigger_name    text    not null,
            trigger_group   text    not null,
            repeat_count    integer not null,
            repeat_interval bigint  not null,
            times_triggered integer not null,
            constraint pk_qrtz_simple_triggers primary key (sched_name, trigger_name, trigger_group),
            constraint fk_qrtz_simple_triggers_triggers foreign key (sched_name, trigger_name, trigger_group)
                references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
        )
        """,
        """
        create table qrtz_cron_triggers (
            sched_name      text not null,
            trigger_name    text not null,
            trigger_group   text not null,
            cron_expression text not null,
            time_zone_id    text,
            constraint pk_qrtz_cron_triggers primary key (sched_name, trigger_name, trigger_group),
            constraint fk_qrtz_cron_triggers_triggers foreign key (sched_name, trigger_name, trigger_group)
                references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
        )
        """,
        """
        create table qrtz_simprop_triggers (
            sched_name    text not null,
            trigger_name  text not null,
            trigger_group text not null,
            str_prop_1    text,
            str_prop_2    text,
            str_prop_3    text,
            int_prop_1    integer,
            int_prop_2    integer,
            long_prop_1   bigint,
            long_prop_2   bigint,
            dec_prop_1    numeric,
            dec_prop_2    numeric,
            bool_prop_1   boolean,
            bool_prop_2   boolean,
            time_zone_id  text,
            constraint pk_qrtz_simprop_triggers primary key (sched_name, trigger_name, trigger_group),
            constraint fk_qrtz_simprop_triggers_triggers foreign key (sched_name, trigger_name, trigger_group)
                references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
        )
        """,
        """
        create table qrtz_blob_triggers (
            sched_name    text not null,
            trigger_name  text not null,
            trigger_group text not null,
            blob_data     bytea,
            constraint pk_qrtz_blob_triggers primary key (sched_name, trigger_name, trigger_group),
            constraint fk_qrtz_blob_triggers_triggers foreign key (sched_name, trigger_name, trigger_group)
                references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
        )
        """,
        """
        create table qrtz_calendars (
            sched_name    text  not null,
            calendar_name text  not null,
            calendar      bytea not null,
            constraint pk_qrtz_calendars primary key (sched_name, calendar_name)
        )
        """,
        """
        create table qrtz_paused_trigger_grps (
            sched_name    text not null,
            trigger_group text not null,
            pause_reason  text,
            paused_by     text,
            paused_at     bigint,
            constraint pk_qrtz_paused_trigger_grps primary key (sched_name, trigger_group)
        )
        """,
        """
        create table qrtz_paused_job_grps (
            sched_name   text not null,
            job_group    text not null,
            pause_reason text,
            paused_by    text,
            paused_at    bigint,
            constraint pk_qrtz_paused_job_grps primary key (sched_name, job_group)
        )
        """,
        """
        create table qrtz_fired_triggers (
            sched_name               text    not null,
            entry_id                 text    not null,
            trigger_name             text    not null,
            trigger_group            text    not null,
            instance_name            text    not null,
            fired_time               bigint  not null,
            sched_time               bigint  not null,
            priority                 integer not null,
            state                    text    not null,
            job_name                 text,
            job_group                text,
            is_nonconcurrent         boolean,
            requests_recovery        boolean,
            execution_group          text,
            progress                 integer,
            progress_message         text,
            interrupt_requested_time bigint,
            constraint pk_qrtz_fired_triggers primary key (sched_name, entry_id)
        )
        """,
        """
        create table qrtz_scheduler_state (
            sched_name        text   not null,
            instance_name     text   not null,
            last_checkin_time bigint not null,
            checkin_interval  bigint not null,
            quartz_version    text,
            constraint pk_qrtz_scheduler_state primary key (sched_name, instance_name)
        )
        """,
        """
        create table qrtz_locks (
            sched_name text not null,
            lock_name  text not null,
            constraint pk_qrtz_locks primary key (sched_name, lock_name)
        )
        """,
        // Lookups the store makes on every acquisition, misfire scan, pause/resume and cluster recovery.
        "create index ix_qrtz_triggers_job on qrtz_triggers (sched_name, job_name, job_group)",
        "create index ix_qrtz_triggers_group on qrtz_triggers (sched_name, trigger_group, trigger_state)",
        "create index ix_qrtz_triggers_calendar on qrtz_triggers (sched_name, calendar_name)",
        "create index ix_qrtz_triggers_state_next_fire on qrtz_triggers (sched_name, trigger_state, next_fire_time)",
        "create index ix_qrtz_triggers_next_fire on qrtz_triggers (sched_name, next_fire_time)",
        "create index ix_qrtz_triggers_misfire on qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state)",
        "create index ix_qrtz_triggers_continues on qrtz_triggers (sched_name, continues_trigger_name, continues_trigger_group)",
        "create index ix_qrtz_fired_triggers_instance on qrtz_fired_triggers (sched_name, instance_name, requests_recovery)",
        "create index ix_qrtz_fired_triggers_trigger on qrtz_fired_triggers (sched_name, trigger_name, trigger_group)",
        "create index ix_qrtz_fired_triggers_job on qrtz_fired_triggers (sched_name, job_name, job_group)",
        "create index ix_qrtz_fired_triggers_trigger_group on qrtz_fired_triggers (sched_name, trigger_group)",
    ];

    private static readonly string[] Tables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps",
        "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != PostgreSqlProvider) return;
        foreach (var statement in CreateStatements) migrationBuilder.Sql(statement);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider != PostgreSqlProvider) return;
        foreach (var table in Enumerable.Reverse(Tables)) migrationBuilder.Sql($"drop table if exists {table}");
    }
}
