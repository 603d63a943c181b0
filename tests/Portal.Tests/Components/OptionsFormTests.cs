using Bunit;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Tenants.Options;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Koppel.Portal.Tests.Components;

/// <summary>The tenant's options form, generated from the integration's settings type and saved through the real tenant service.</summary>
public sealed class OptionsFormTests : PortalComponentContext
{
    private const string Slug = "options-form";

    private IRenderedComponent<OptionsSection> RenderForm()
    {
        var tenants = Service<TenantService>();
        var (view, _) = tenants.UpsertAsync(Slug, new TenantInput("Options form BV", "exact-optiply", null, null), CancellationToken.None).GetAwaiter().GetResult();
        Render<MudPopoverProvider>();
        return Render<OptionsSection>(p => p
            .Add(c => c.Slug, Slug)
            .Add(c => c.View, view)
            .Add(c => c.Integration, Service<IntegrationCatalog>().Get("exact-optiply")));
    }

    private static LeafInput Leaf(IRenderedComponent<OptionsSection> form, string path) => new(form, path);

    [Fact]
    public void Every_option_of_the_settings_type_gets_an_input_in_its_titled_section()
    {
        var form = RenderForm();
        var tree = SettingsTree.Of(typeof(ExactOptiplySettings));

        Assert.Equal(tree.Select(n => n.Label), form.FindAll("fieldset.options-section > legend").Select(l => l.TextContent.Trim()));
        var paths = form.FindAll(".setting[data-path]").Select(e => e.GetAttribute("data-path")).ToList();
        Assert.Equal(tree.SelectMany(n => n.Leaves()).Select(n => n.Path), paths);
        Assert.NotEmpty(form.FindAll("[data-path='products.mapStockLevel'] input[type=checkbox]"));
        Assert.NotEmpty(form.FindAll("[data-path='warehouses.mode'] .mud-select"));
        Assert.NotEmpty(form.FindAll("[data-path='buyOrders.deletionsSince'] .mud-picker"));
    }

    [Fact]
    public async Task A_validators_message_is_shown_at_its_field_and_nothing_is_saved()
    {
        var form = RenderForm();

        await Leaf(form, "warehouses.mode").ChooseAsync("subset");
        await form.Find("form.options-form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose at least one warehouse for the subset.",
            form.Find("[data-path='warehouses.subset'] [role=alert]").TextContent.Trim()));
        Assert.Equal("Not saved: check Warehouses › Subset (the message is at the field).", form.Find("#options-message").TextContent.Trim());
        var stored = await Service<TenantService>().GetAsync(Slug, CancellationToken.None);
        Assert.NotEqual("subset", stored!.Settings["warehouses"]?["mode"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_switched_option_is_saved_and_the_form_says_so_and_the_mapping_names_who_switched_it()
    {
        var form = RenderForm();

        await Leaf(form, "suppliers.mapEmail").SwitchAsync(true);
        await form.Find("form.options-form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The options are saved. The next runs use them.", form.Find("#options-message").TextContent.Trim()));
        var stored = await Service<TenantService>().GetAsync(Slug, CancellationToken.None);
        Assert.True(stored!.Settings["suppliers"]!["mapEmail"]!.GetValue<bool>());
        Assert.Empty(form.FindAll("[role=alert]"));
        // The option switches a mapping field: that mapping version is saved by the signed-in user.
        var mapping = await Service<MappingService>().GetAsync(Slug, "suppliers", CancellationToken.None);
        Assert.Equal(ApiHost.SupportEmail, mapping.SavedBy);
    }

    /// <summary>The MudBlazor input of one option, driven the way a click on it would.</summary>
    private sealed class LeafInput(IRenderedComponent<OptionsSection> form, string path)
    {
        private IRenderedComponent<SettingField> Field =>
            form.FindComponents<SettingField>().Single(f => f.Instance.Node.Path == path);

        public Task ChooseAsync(string value)
        {
            var select = Field.FindComponent<MudSelect<string>>();
            return form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
        }

        public Task SwitchAsync(bool on)
        {
            var toggle = Field.FindComponent<MudSwitch<bool>>();
            return form.InvokeAsync(() => toggle.Instance.ValueChanged.InvokeAsync(on));
        }
    }
}
