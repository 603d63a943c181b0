using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.ExactOptiply;

namespace Koppel.Infrastructure.Tests.Tenants;

/// <summary>No list option may grow without bound: a tenant's settings are read on every run and page view.</summary>
public sealed class SettingsListCapTests
{
    private static JsonObject WithSubset(int count) => new()
    {
        ["warehouses"] = new JsonObject
        {
            ["mode"] = "subset",
            ["subset"] = new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode)Guid.NewGuid().ToString()).ToArray()),
        },
    };

    [Fact]
    public void A_list_longer_than_the_cap_is_refused_at_its_field()
    {
        var (settings, errors) = ExactOptiplyIntegration.Definition.Settings.Parse(WithSubset(SettingsSchema.MaxListItems + 1));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.Equal("warehouses.subset", error.Field);
        Assert.Equal($"A list holds at most {SettingsSchema.MaxListItems} entries; this one has {SettingsSchema.MaxListItems + 1}.", error.Message);
    }

    [Fact]
    public void A_list_at_the_cap_is_accepted()
    {
        var (settings, errors) = ExactOptiplyIntegration.Definition.Settings.Parse(WithSubset(SettingsSchema.MaxListItems));

        Assert.Empty(errors);
        Assert.NotNull(settings);
    }
}
