using Bunit;
using Koppel.Domain.Sync;
using Koppel.Portal.Components.Tenants;

namespace Koppel.Portal.Tests.Components;

/// <summary>The flows table's run cell: the outcome in the portal's one vocabulary, live counts, and the run's error.</summary>
public sealed class FlowRunCellTests : MudComponentContext
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    private static SyncRun Run(RunStatus status, int read, int created, int updated, int failed, string? error = null) => new()
    {
        Flow = "products",
        Mode = RunMode.Full,
        Status = status,
        StartedAt = Now.AddMinutes(-5),
        EndedAt = status == RunStatus.Running ? null : Now.AddMinutes(-3),
        Read = read,
        Created = created,
        Updated = updated,
        Failed = failed,
        Error = error,
    };

    [Fact]
    public void A_flow_that_never_ran_says_so()
    {
        var cut = Render<FlowRunCell>(p => p.Add(c => c.FlowName, "Products").Add(c => c.Now, Now));

        Assert.Equal("Never ran", cut.Find(".outcome-chip").TextContent.Trim());
    }

    [Fact]
    public void A_running_flow_shows_its_mode_duration_and_counts_so_far()
    {
        var cut = Render<FlowRunCell>(p => p.Add(c => c.FlowName, "Products").Add(c => c.Now, Now)
            .Add(c => c.Running, Run(RunStatus.Running, read: 150, created: 100, updated: 20, failed: 2)));

        Assert.Equal("Running", cut.Find(".outcome-chip").TextContent.Trim());
        Assert.Contains("full resync for 5 min 0 s", cut.Find(".flow-run").TextContent);
        var counts = cut.Find(".flow-counts");
        Assert.Equal("150 read · 120 written · 0 unchanged · 2 failed", counts.TextContent.Trim());
        Assert.Equal("120", counts.GetAttribute("data-written"));
        Assert.NotNull(cut.Find("[aria-label='Products is running']"));
    }

    [Fact]
    public void A_finished_run_with_failures_shows_the_shared_word_colour_and_error()
    {
        var cut = Render<FlowRunCell>(p => p.Add(c => c.FlowName, "Products").Add(c => c.Now, Now)
            .Add(c => c.Last, Run(RunStatus.CompletedWithErrors, read: 10, created: 8, updated: 0, failed: 2, error: "2 items had no code.")));

        var chip = cut.Find(".outcome-chip");
        Assert.Equal("Finished with errors", chip.TextContent.Trim());
        Assert.Contains("mud-chip-color-warning", chip.ClassName);
        Assert.Contains("3 min ago", cut.Markup);
        Assert.Equal("2 items had no code.", cut.Find(".field-problem").TextContent.Trim());
    }

    [Fact]
    public void A_run_held_by_another_node_is_shown_as_running_without_counts()
    {
        var cut = Render<FlowRunCell>(p => p.Add(c => c.FlowName, "Products").Add(c => c.Now, Now).Add(c => c.RunningElsewhere, true));

        Assert.Equal("Running", cut.Find(".outcome-chip").TextContent.Trim());
        Assert.Contains("on another node of the hub", cut.Markup);
        Assert.Empty(cut.FindAll(".flow-counts"));
    }
}
