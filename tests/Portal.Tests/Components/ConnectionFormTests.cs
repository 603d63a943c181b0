using Bunit;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Tenants;
using MudBlazor;

namespace Koppel.Portal.Tests.Components;

/// <summary>The connection form: secrets are write-only, an empty box keeps the stored one, and field errors go once corrected.</summary>
public sealed class ConnectionFormTests : PortalComponentContext
{
    private const string Slug = "connection-form";
    private const string StoredPassword = "Stored-optiply-pass-42";

    private static Dictionary<string, string?> Optiply(string password) => new()
    {
        ["baseUrl"] = "https://api.optiply.com/v1",
        ["clientId"] = "client-1",
        ["clientSecret"] = "Stored-client-secret-7",
        ["username"] = "api@acme.example",
        ["password"] = password,
        ["accountId"] = "1234",
    };

    private async Task<IRenderedComponent<ConnectionCard>> RenderCardAsync()
    {
        var input = new TenantInput("Connection form BV", "exact-optiply", new() { ["optiply"] = Optiply(StoredPassword) }, null);
        var (view, _) = await Service<TenantService>().UpsertAsync(Slug, input, CancellationToken.None);
        var schema = Service<IntegrationCatalog>().Get("exact-optiply").Connections.Single(c => c.System == "optiply");
        Render<MudPopoverProvider>();
        return Render<ConnectionCard>(p => p
            .Add(c => c.Slug, Slug)
            .Add(c => c.Schema, schema)
            .Add(c => c.Stored, view.Connections["optiply"]));
    }

    [Fact]
    public async Task A_stored_secret_is_shown_only_as_set_and_never_reaches_the_markup()
    {
        var card = await RenderCardAsync();

        Assert.Equal("set", card.Find("#connection-optiply-password-state").TextContent.Trim());
        var password = card.Find("#connection-optiply-password");
        Assert.Equal("password", password.GetAttribute("type"));
        Assert.True(string.IsNullOrEmpty(password.GetAttribute("value")));
        Assert.Equal("Type a new value to replace it", password.GetAttribute("placeholder"));
        Assert.DoesNotContain(StoredPassword, card.Markup);
        Assert.DoesNotContain("Stored-client-secret-7", card.Markup);
    }

    [Fact]
    public async Task Saving_with_the_secret_box_empty_keeps_the_stored_secret()
    {
        var card = await RenderCardAsync();

        card.Find("#connection-optiply-username").Input("other@acme.example");
        await card.Find("form.connection-form").SubmitAsync();

        card.WaitForAssertion(() => Assert.Equal("The Optiply connection is saved.", card.Find("#connection-optiply-saved").TextContent.Trim()));
        var stored = (await Service<TenantService>().GetAsync(Slug, CancellationToken.None))!.Connections["optiply"];
        Assert.Equal("other@acme.example", stored.Fields["username"]);
        Assert.Contains("password", stored.SecretsSet);
        Assert.Contains("clientSecret", stored.SecretsSet);
    }

    [Fact]
    public async Task A_fields_error_goes_away_as_soon_as_the_value_is_corrected()
    {
        var card = await RenderCardAsync();

        card.Find("#connection-optiply-baseUrl").Input("not an address");
        await card.Find("form.connection-form").SubmitAsync();
        card.WaitForAssertion(() => Assert.Equal("This must be an absolute http or https address.",
            card.Find("[data-field='baseUrl'] [role=alert]").TextContent.Trim()));
        Assert.Equal("true", card.Find("#connection-optiply-baseUrl").GetAttribute("aria-invalid"));

        card.Find("#connection-optiply-baseUrl").Input("https://api.optiply.com/v1");

        Assert.Empty(card.FindAll("[data-field='baseUrl'] [role=alert]"));
        Assert.NotEqual("true", card.Find("#connection-optiply-baseUrl").GetAttribute("aria-invalid"));
    }
}
