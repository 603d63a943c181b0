using Bunit;
using Koppel.Domain.Sync;
using Koppel.Portal.Components.SyncLog;
using MudBlazor;

namespace Koppel.Portal.Tests.Components.SyncLog;

/// <summary>The log viewer's filters: each change reaches the log at once, and the CSV link follows the filters.</summary>
public sealed class LogFiltersTests : MudComponentTest
{
    private readonly LogFilter filter = new();
    private int changes;

    private IRenderedComponent<LogFilters> Filters() => Render<LogFilters>(p => p
        .Add(x => x.Filter, filter)
        .Add(x => x.Slug, "shop-one")
        .Add(x => x.Flows, [("products", "Products"), ("orders", "Orders")])
        .Add(x => x.OnChange, () => changes++));

    private static string Link(IRenderedComponent<LogFilters> filters) => filters.Find("#export-csv").GetAttribute("href")!;

    [Fact]
    public async Task Picking_an_outcome_filters_the_log_and_the_csv_link()
    {
        var filters = Filters();
        Assert.Equal("tenants/shop-one/log/export.csv", Link(filters));

        var outcome = filters.FindComponent<MudSelect<Outcome?>>();
        await filters.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync(Outcome.Failed));

        Assert.Equal(Outcome.Failed, filter.Outcome);
        Assert.Equal(1, changes);
        Assert.Equal("tenants/shop-one/log/export.csv?outcome=failed", Link(filters));
    }

    [Fact]
    public void The_outcome_menu_offers_the_logged_outcomes_in_the_portals_words()
    {
        var filters = Filters();

        var offered = filters.FindComponents<MudSelectItem<Outcome?>>().Select(i => i.Instance.Value).ToList();

        Assert.Equal([Outcome.Failed, Outcome.Warning, Outcome.Skipped, Outcome.Created, Outcome.Updated, Outcome.Deleted], offered.Select(o => o!.Value));
        Assert.DoesNotContain(Outcome.Unchanged, offered.Select(o => o!.Value));
    }

    [Fact]
    public void Text_is_searched_when_entered_and_travels_with_the_csv_link()
    {
        var filters = Filters();

        filters.Find("#filter-text").Change("B-1 price");

        Assert.Equal("B-1 price", filter.Text);
        Assert.Equal(1, changes);
        Assert.Equal("tenants/shop-one/log/export.csv?q=B-1%20price", Link(filters));
    }

    [Fact]
    public void A_picked_run_shows_as_a_chip_and_clear_filters_removes_every_filter()
    {
        (filter.RunId, filter.Outcome, filter.Text) = (42, Outcome.Failed, "hinge");
        var filters = Filters();
        Assert.Contains("Run 42 only", filters.Find(".run-filter").TextContent);

        filters.FindAll("button").Single(b => b.TextContent.Contains("Clear filters")).Click();

        Assert.True(filter.IsEmpty);
        Assert.Equal(1, changes);
        Assert.Empty(filters.FindAll(".run-filter"));
        Assert.Equal("tenants/shop-one/log/export.csv", Link(filters));
    }
}
