using Bunit;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Koppel.Portal.Tests.Components.Tenants;

/// <summary>
/// A secret the hub generates (Planfix's hookToken for the scenario requests): made at the save that finds it empty and
/// shown right after that save only; never again on the page, and a new one on request, shown once as well.
/// </summary>
public sealed class GeneratedSecretTests : PortalComponentContext
{
    /// <summary>The card of a tenant whose Planfix connection is stored with this token, or not stored yet (null).</summary>
    private async Task<IRenderedComponent<ConnectionCard>> RenderCardAsync(string slug, string? hookToken)
    {
        // The hub's own check reaches Planfix at save: the host's emulator answers it.
        Host.Services.GetRequiredService<PlanfixSandbox>().RegisterToken(PlanfixToken, slug);
        Dictionary<string, Dictionary<string, string?>>? connections = hookToken is null ? null : new()
        {
            ["planfix"] = new() { ["baseUrl"] = PlanfixUrl, ["token"] = PlanfixToken, ["hookToken"] = hookToken },
        };
        var (view, _) = await Service<TenantService>().UpsertAsync(slug, new TenantInput("Generated secret BV", "moysklad-planfix", connections, null), CancellationToken.None);
        var schema = Service<IntegrationCatalog>().Get("moysklad-planfix").Connections.Single(c => c.System == "planfix");
        Render<MudPopoverProvider>();
        return Render<ConnectionCard>(p => p.Add(c => c.Slug, slug).Add(c => c.Schema, schema).Add(c => c.Stored, view.Connections.GetValueOrDefault("planfix")));
    }

    private const string PlanfixToken = "planfix-api-token-1";
    private string PlanfixUrl => PlanfixSandbox.BaseUrl(Host.Address);

    private async Task<string?> StoredTokenAsync(string slug)
    {
        await using var db = await Service<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == slug);
        return Service<TenantConnections>().Decrypt(tenant)["planfix"].Get("hookToken");
    }

    [Fact]
    public async Task Saving_with_the_hook_token_empty_makes_one_and_shows_it_once()
    {
        const string slug = "generated-token";
        var card = await RenderCardAsync(slug, null);
        Assert.Equal("not set", card.Find("#connection-planfix-hookToken-state").TextContent.Trim());
        card.Find("#connection-planfix-baseUrl").Input(PlanfixUrl);
        card.Find("#connection-planfix-token").Input(PlanfixToken);

        await card.Find("form.connection-form").SubmitAsync();

        card.WaitForAssertion(() => Assert.Equal("set", card.Find("#connection-planfix-hookToken-state").TextContent.Trim()));
        var shown = card.Find("#connection-planfix-hookToken-once").TextContent.Trim();
        Assert.Matches("^[0-9a-f]{48}$", shown);
        Assert.Equal(shown, await StoredTokenAsync(slug));

        // The next save, and the next visit, show it no more.
        await card.Find("form.connection-form").SubmitAsync();
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("#connection-planfix-hookToken-once")));
        Assert.DoesNotContain(shown, card.Markup);
        var schema = Service<IntegrationCatalog>().Get("moysklad-planfix").Connections.Single(c => c.System == "planfix");
        var stored = (await Service<TenantService>().GetAsync(slug, CancellationToken.None))!.Connections["planfix"];
        var again = Render<ConnectionCard>(p => p.Add(c => c.Slug, slug).Add(c => c.Schema, schema).Add(c => c.Stored, stored));
        Assert.DoesNotContain(shown, again.Markup);
        Assert.Empty(again.FindAll("#connection-planfix-hookToken-once"));
        Assert.Equal(shown, await StoredTokenAsync(slug));
    }

    [Fact]
    public async Task A_token_typed_in_is_kept_and_never_shown()
    {
        const string slug = "typed-token";
        var card = await RenderCardAsync(slug, "typed-scenario-token-0123456789");

        await card.Find("form.connection-form").SubmitAsync();

        card.WaitForAssertion(() => Assert.Equal("The Planfix connection is saved.", card.Find("#connection-planfix-saved").TextContent.Trim()));
        Assert.Empty(card.FindAll("#connection-planfix-hookToken-once"));
        Assert.DoesNotContain("typed-scenario-token-0123456789", card.Markup);
        Assert.Equal("typed-scenario-token-0123456789", await StoredTokenAsync(slug));
    }

    [Fact]
    public async Task Make_a_new_one_replaces_the_stored_token_and_shows_the_new_one_once()
    {
        const string slug = "renewed-token";
        var card = await RenderCardAsync(slug, "old-scenario-token-0123456789");

        await card.Find("#connection-planfix-hookToken-renew").ClickAsync(new());

        card.WaitForAssertion(() => Assert.NotEmpty(card.FindAll("#connection-planfix-hookToken-once")));
        var shown = card.Find("#connection-planfix-hookToken-once").TextContent.Trim();
        Assert.Matches("^[0-9a-f]{48}$", shown);
        Assert.Equal(shown, await StoredTokenAsync(slug));
    }
}
