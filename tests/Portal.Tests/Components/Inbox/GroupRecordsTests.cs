using Bunit;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Portal.Components.Inbox;

namespace Koppel.Portal.Tests.Components.Inbox;

/// <summary>A group's records: a cause that failed hundreds of records shows them a hundred at a time.</summary>
public sealed class GroupRecordsTests : MudComponentContext
{
    private const string Reason = "The store refused the product: name is required.";

    private static List<InboxRecord> Records(int count) => Enumerable.Range(1, count).Select(i => new InboxRecord(new OpenError
    {
        Id = i, TenantId = 1, Flow = "products", SourceKey = $"R-{i:D4}", Reason = Reason,
        FirstFailedAt = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc), LastFailedAt = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc), Attempts = 1,
    })).ToList();

    [Fact]
    public void Records_come_a_hundred_at_a_time_and_selecting_all_picks_the_unseen_ones_too()
    {
        IReadOnlyList<string>? retried = null;
        var cut = Render<GroupRecords>(p => p
            .Add(c => c.Group, new ErrorGroup("shop", "products", Reason, 250, DateTime.UtcNow))
            .Add(c => c.Records, Records(250))
            .Add(c => c.OnRetry, (IReadOnlyList<string>? keys) => retried = keys));

        Assert.Equal(100, cut.FindAll("tr[data-record]").Count);
        Assert.Contains("Showing 100 of 250 records.", cut.Find(".group-more").TextContent);
        cut.FindAll(".group-more button").Single().Click();
        Assert.Equal(200, cut.FindAll("tr[data-record]").Count);
        Assert.Contains("Show 50 more", cut.Find(".group-more").TextContent);
        cut.FindAll(".group-more button").Single().Click();
        Assert.Equal(250, cut.FindAll("tr[data-record]").Count);
        Assert.Empty(cut.FindAll(".group-more"));

        cut.Find("th.records-pick input").Change(true);
        cut.FindAll("button").Single(b => b.TextContent.Contains("Retry selected")).Click();
        Assert.Equal(250, retried!.Count);
    }
}
