using System.Security.Claims;
using Bunit;
using Koppel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Portal.Components.SyncLog;

namespace Koppel.Portal.Tests.Components.SyncLog;

/// <summary>The journey panel: one record's way from the source through the mapping to the target's answer.</summary>
public sealed class JourneyPanelTests : MudComponentTest
{
    private static readonly SyncLogEntry Refused = new()
    {
        Id = 7, RunId = 3, Flow = "products", Outcome = Outcome.Failed, At = new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc),
        SourceKey = "B-100", Message = "The store refused the product: name is required.",
        SourcePayload = """{"sku":"SKU-B-100","price":7.25}""",
        TargetPayload = """{"sku":"SKU-B-100","price":7.25,"name":null}""",
        TargetResponse = """{"error":"name is required"}""",
    };

    private static readonly LogRow Earlier = new(5, 2, "products", Outcome.Created, new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), "B-100", null, "P-9", "Created in Test store as P-9.");

    private SyncLogEntry? resynced;
    private long? opened;
    private bool closed;

    private IRenderedComponent<JourneyPanel> Panel(LogEntryDetails? details, string? problem = null, bool resyncing = false) => Render<JourneyPanel>(p => p
        .Add(x => x.Tenant, "acme")
        .Add(x => x.Details, details)
        .Add(x => x.Problem, problem)
        .Add(x => x.Resyncing, resyncing)
        .Add(x => x.Flow, key => ("Products", "Test shop", "Test store"))
        .Add(x => x.OnResync, (SyncLogEntry e) => resynced = e)
        .Add(x => x.OnOpen, (long id) => opened = id)
        .Add(x => x.OnClose, () => closed = true));

    [Fact]
    public void The_journey_shows_what_was_read_sent_and_answered_in_order()
    {
        var panel = Panel(new LogEntryDetails(Refused, []));

        Assert.Equal("Record B-100", panel.Find("h2").TextContent.Trim());
        Assert.Equal(Refused.Message, panel.Find("[data-testid='details-message']").TextContent);
        var steps = panel.FindAll(".journey > li");
        Assert.Equal(3, steps.Count);
        Assert.Contains("Read from Test shop", steps[0].TextContent);
        Assert.Contains("\"sku\": \"SKU-B-100\"", steps[0].QuerySelector("pre")!.TextContent);
        Assert.Contains("Sent to Test store, after the rules and your mapping", steps[1].TextContent);
        Assert.Contains("\"name\": null", steps[1].QuerySelector("pre")!.TextContent);
        Assert.Contains("name is required", steps[2].QuerySelector("pre")!.TextContent);
        Assert.Contains("This is the only outcome logged", panel.Markup);
        Assert.Equal("Failed", panel.Find(".outcome-chip").TextContent.Trim());
    }

    [Fact]
    public void An_entry_an_option_decided_links_to_that_option_on_the_tenant_page()
    {
        var skipped = new SyncLogEntry { Flow = "buy-orders", Outcome = Outcome.Skipped, SourceKey = "PO-1", Message = "Left alone.", Setting = "buyOrders.deletionsSince" };

        var link = Panel(new LogEntryDetails(skipped, [])).Find("a.setting-link");

        Assert.Equal("tenants/acme?setting=buyOrders.deletionsSince", link.GetAttribute("href"));
        Assert.Contains("Decided by setting buyOrders.deletionsSince", link.TextContent.Trim());
    }

    [Fact]
    public void An_entry_a_mapping_field_decided_links_to_that_field_in_the_mapping_editor()
    {
        var noted = new SyncLogEntry { Flow = "products", Outcome = Outcome.Updated, SourceKey = "B-1", Message = "Updated.", Setting = DecidingSetting.Mapping("products", "name") };

        var link = Panel(new LogEntryDetails(noted, [])).Find("a.setting-link");

        Assert.Equal("tenants/acme/mappings/products?field=name", link.GetAttribute("href"));
    }

    [Fact]
    public void A_customer_reads_the_settings_name_without_a_link_to_the_support_only_options()
    {
        var skipped = new SyncLogEntry { Flow = "buy-orders", Outcome = Outcome.Skipped, SourceKey = "PO-1", Message = "Left alone.", Setting = "buyOrders.deletionsSince" };
        var customer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "buyer@acme.test"), new Claim(ClaimTypes.Role, Roles.Customer)], "test"));

        var panel = Render<JourneyPanel>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(customer)))
            .Add(x => x.Tenant, "acme")
            .Add(x => x.Details, new LogEntryDetails(skipped, []))
            .Add(x => x.Flow, key => ("Buy orders", "Exact Online", "Optiply")));

        Assert.Empty(panel.FindAll("a.setting-link"));
        Assert.Contains("Decided by setting buyOrders.deletionsSince", panel.Find(".setting-name").TextContent.Trim());
    }

    [Fact]
    public void An_entry_no_setting_decided_has_no_setting_link() =>
        Assert.Empty(Panel(new LogEntryDetails(Refused, [])).FindAll("a.setting-link"));

    [Fact]
    public void A_step_with_nothing_stored_says_so_in_words()
    {
        var skipped = new SyncLogEntry { Flow = "products", Outcome = Outcome.Failed, SourceKey = "R-200", Message = "Not found at the source." };

        var panel = Panel(new LogEntryDetails(skipped, []));

        var empty = panel.FindAll(".journey .payload-empty").Select(e => e.TextContent).ToList();
        Assert.Equal(["Nothing was read: the record was not found or was deleted there.", "Nothing was sent: the record stopped before the mapping.",
            "No answer was kept for this outcome."], empty);
    }

    [Fact]
    public void Resync_close_and_an_earlier_outcome_are_handed_to_the_page()
    {
        var panel = Panel(new LogEntryDetails(Refused, [Earlier]));

        panel.FindAll("button").Single(b => b.TextContent.Contains("Resync this record")).Click();
        Assert.Same(Refused, resynced);

        panel.Find(".record-history .link-button").Click();
        Assert.Equal(Earlier.Id, opened);
        Assert.Contains("Created in Test store as P-9.", panel.Find(".record-history").TextContent);

        panel.Find("button[aria-label='Close the record']").Click();
        Assert.True(closed);
    }

    [Fact]
    public void While_a_resync_runs_the_button_says_so_and_waits()
    {
        var panel = Panel(new LogEntryDetails(Refused, []), resyncing: true);

        var button = panel.FindAll("button").Single(b => b.TextContent.Contains("Resyncing"));
        Assert.True(button.HasAttribute("disabled"));
    }

    [Fact]
    public void An_entry_that_cannot_be_read_shows_the_reason_and_can_be_closed()
    {
        var panel = Panel(null, "This log entry no longer exists.");

        Assert.Contains("This log entry no longer exists.", panel.Find(".mud-alert").TextContent);
        Assert.Empty(panel.FindAll(".journey"));
        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Close").Click();
        Assert.True(closed);
    }
}
