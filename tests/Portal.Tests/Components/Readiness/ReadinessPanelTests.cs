using System.Text.Json.Nodes;
using Bunit;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Tenants;
using Koppel.Portal.Components.Tenants.Readiness;
using MudBlazor;

namespace Koppel.Portal.Tests.Components.Readiness;

/// <summary>The tenant page's Readiness panel and the confirmation before a first sync, against the real GoedGepickt emulator.</summary>
public sealed class ReadinessPanelTests : PortalComponentContext
{
    private const string Account = "gg-panel";
    private const string Key = "gg-panel-key";

    private GoedGepicktSandbox Gg => Service<GoedGepicktSandbox>();

    private async Task<string> TenantAsync(string slug)
    {
        Gg.RegisterKey(Key, Account);
        var connections = new Dictionary<string, Dictionary<string, string?>>
        {
            ["goedGepickt"] = new() { ["baseUrl"] = GoedGepicktSandbox.BaseUrl(Host.Address), ["apiKey"] = Key },
        };
        await Service<TenantService>().UpsertAsync(slug, new TenantInput($"{slug} BV", "goedgepickt-optiply", connections, null), CancellationToken.None);
        return slug;
    }

    private void ProductWithoutSupplier(string sku) => Gg.AddProduct(Account, new JsonObject
    {
        ["sku"] = sku, ["name"] = $"Product {sku}", ["price"] = "5.00", ["stock"] = new JsonObject { ["freeStock"] = 2 }, ["orderInMultiplesOf"] = 1,
    }, fire: false);

    [Fact]
    public async Task The_panel_runs_the_checklist_and_shows_each_check_with_its_count_and_offenders()
    {
        var slug = await TenantAsync("panel-checks");
        ProductWithoutSupplier("PANEL-1");
        ProductWithoutSupplier("PANEL-2");
        var panel = Render<ReadinessPanel>(p => p.Add(c => c.Slug, slug));

        await panel.Find("#readiness-run").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll(".readiness-check").Count), TimeSpan.FromSeconds(10));
        var failing = panel.Find(".readiness-check[data-key=productsWithoutSupplier]");
        Assert.Equal("false", failing.GetAttribute("data-passed"));
        Assert.Equal("2", failing.GetAttribute("data-count"));
        Assert.Equal(["Product PANEL-1", "Product PANEL-2"], failing.QuerySelectorAll(".readiness-examples a").Select(a => a.TextContent.Trim()).Order());
        Assert.Equal("true", panel.Find(".readiness-check[data-key=suppliersWithoutEmail]").GetAttribute("data-passed"));
    }

    [Fact]
    public async Task The_first_sync_of_a_tenant_whose_checklist_fails_waits_for_confirmation()
    {
        var slug = await TenantAsync("panel-gate");
        ProductWithoutSupplier("GATE-1");
        var dialogs = Render<MudDialogProvider>();
        var view = (await Service<TenantService>().GetAsync(slug, CancellationToken.None))!;
        var flows = Render<FlowsSection>(p => p.Add(c => c.Slug, slug).Add(c => c.Flows, view.Flows).Add(c => c.CanEdit, true));
        Task AnswerAsync(string button) => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());

        // The click's handler waits for the answer, so the click is awaited only once the dialog is answered.
        var click = flows.Find("[aria-label='Sync Suppliers now']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Every product has a supplier (1 to fix)", dialogs.Markup), TimeSpan.FromSeconds(10));
        await AnswerAsync("Cancel");
        await click.WaitAsync(TimeSpan.FromSeconds(10));

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("First sync of", dialogs.Markup));
        Assert.Empty(await Service<SyncLogService>().RunsAsync(slug, "suppliers", 5, CancellationToken.None));

        click = flows.Find("[aria-label='Sync Suppliers now']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("First sync of Suppliers?", dialogs.Markup), TimeSpan.FromSeconds(10));
        await AnswerAsync("Sync anyway");
        await click.WaitAsync(TimeSpan.FromSeconds(10));

        flows.WaitForAssertion(() => Assert.NotEmpty(Service<SyncLogService>().RunsAsync(slug, "suppliers", 5, CancellationToken.None).GetAwaiter().GetResult()), TimeSpan.FromSeconds(10));
    }
}
