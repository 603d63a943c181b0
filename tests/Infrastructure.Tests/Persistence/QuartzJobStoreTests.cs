using System.Collections.Concurrent;
using System.Collections.Specialized;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>
/// The qrtz_ tables the QuartzTables migration creates on PostgreSQL carry a real clustered Quartz scheduler
/// (which validates them at start-up): a job scheduled through them fires once with its job data intact, and
/// flow schedules (cron and every-N-minutes) are stored, paused with a reason and resumed.
/// </summary>
public sealed class QuartzJobStoreTests
{
    [Fact]
    public async Task A_clustered_scheduler_on_the_migrated_tables_runs_a_job_once()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await (await database.MigratedContextAsync()).DisposeAsync();
        var runKey = Guid.NewGuid().ToString("N");
        var ran = RecordingJob.Expect(runKey);

        var scheduler = await QuartzSchedulerBuilder.Create()
            .UseProperties(ClusteredStore(database.ConnectionString))
            .BuildScheduler();
        try
        {
            await scheduler.Start();
            var job = JobBuilder.Create<RecordingJob>()
                .WithIdentity("products", "demo-exact")
                .UsingJobData(RecordingJob.RunKey, runKey)
                .UsingJobData("tenant", "demo-exact")
                .StoreDurably() // kept after its only trigger is done, so the test can find it in the store
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity("products-once", "demo-exact")
                .StartNow()
                .Build();
            await scheduler.ScheduleJob(job, trigger);

            var completed = await Task.WhenAny(ran.Task, Task.Delay(TimeSpan.FromSeconds(30)));

            Assert.True(completed == ran.Task, "The job did not run within 30 seconds.");
            Assert.Equal("demo-exact", (await ran.Task)["tenant"]);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        Assert.Equal(1, RecordingJob.Runs(runKey));

        // The job went through the store: the node checked in, and the fired trigger was cleaned up.
        await using var db = database.CreateContext();
        Assert.Equal(1, await Scalar(db, "SELECT count(*) FROM qrtz_job_details WHERE job_name = 'products'"));
        Assert.True(await Scalar(db, "SELECT count(*) FROM qrtz_scheduler_state") >= 1);
        Assert.Equal(0, await Scalar(db, "SELECT count(*) FROM qrtz_fired_triggers"));
    }

    [Fact]
    public async Task A_flow_schedule_is_stored_and_can_be_paused_with_a_reason_and_resumed()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await (await database.MigratedContextAsync()).DisposeAsync();
        var scheduler = await QuartzSchedulerBuilder.Create()
            .UseProperties(ClusteredStore(database.ConnectionString))
            .BuildScheduler();
        try
        {
            await scheduler.Start();
            var job = JobBuilder.Create<RecordingJob>().WithIdentity("products", "demo-exact").StoreDurably().Build();
            // The two shapes FlowState.Schedule takes: a cron expression, or every so many minutes.
            var cron = TriggerBuilder.Create().WithIdentity("products-cron", "demo-exact").ForJob(job.Key)
                .WithSchedule(CronScheduleBuilder.Create("0 0 6 ? * MON-FRI")).Build();
            var every30Minutes = TriggerBuilder.Create().WithIdentity("products-every-30", "demo-exact").ForJob(job.Key)
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(30))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(30)).RepeatForever()).Build();
            await scheduler.ScheduleJob(job, cron);
            await scheduler.ScheduleJob(every30Minutes);

            await scheduler.PauseTriggerGroupsWith(GroupMatcher<TriggerKey>.GroupEquals("demo-exact"),
                new PauseDetails { Reason = "Exact Online maintenance", RequestedBy = "support" });

            Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(cron.Key));
            Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(every30Minutes.Key));
            Assert.Equal("Exact Online maintenance", (await scheduler.GetTriggerGroupPause("demo-exact"))?.Reason);
            Assert.Equal("0 0 6 ? * MON-FRI", Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(cron.Key)).CronExpressionString);
            Assert.Equal(TimeSpan.FromMinutes(30),
                Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(every30Minutes.Key)).RepeatInterval);

            await scheduler.ResumeTriggerGroups(GroupMatcher<TriggerKey>.GroupEquals("demo-exact"));

            Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(cron.Key));
            Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(every30Minutes.Key));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private static NameValueCollection ClusteredStore(string connectionString) => new()
    {
        ["quartz.scheduler.instanceName"] = $"koppel-test-{Guid.NewGuid():N}",
        ["quartz.scheduler.instanceId"] = "AUTO",
        ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
        ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
        ["quartz.jobStore.dataSource"] = "default",
        ["quartz.jobStore.tablePrefix"] = "qrtz_",
        ["quartz.jobStore.clustered"] = "true",
        ["quartz.jobStore.useProperties"] = "true",
        // Quartz checks the tables at start-up and must never make its own: the migration's DDL is what is tested.
        ["quartz.jobStore.schemaProvisioning"] = "Validate",
        ["quartz.dataSource.default.provider"] = "Npgsql",
        ["quartz.dataSource.default.connectionString"] = connectionString,
        ["quartz.serializer.type"] = typeof(QuartzJsonSerializer).AssemblyQualifiedName!,
    };

    private static async Task<long> Scalar(KoppelDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Reports its job data to the test that is waiting for it, found by a key in that data.</summary>
    public sealed class RecordingJob : IJob
    {
        public const string RunKey = "runKey";
        private static readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyDictionary<string, string>>> Waiting = new();
        private static readonly ConcurrentDictionary<string, int> RunCounts = new();

        public static TaskCompletionSource<IReadOnlyDictionary<string, string>> Expect(string key) =>
            Waiting.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

        public static int Runs(string key) => RunCounts.GetValueOrDefault(key);

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            var data = context.MergedJobDataMap;
            if (data.GetString(RunKey) is not { } key) return ValueTask.CompletedTask;
            RunCounts.AddOrUpdate(key, 1, (_, count) => count + 1);
            if (Waiting.TryRemove(key, out var waiter)) waiter.TrySetResult(data.Keys.ToDictionary(k => k, k => data.GetString(k) ?? ""));
            return ValueTask.CompletedTask;
        }
    }
}
