using Koppel.Domain.Integrations.MoySkladPlanfix;

namespace Koppel.Domain.Tests.Integrations.MoySkladPlanfix;

public sealed class SettingsValidatorTests
{
    private static readonly MoySkladPlanfixSettingsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_with_the_seed_reconciliation_of_3_hours_and_the_sale_price()
    {
        var settings = new MoySkladPlanfixSettings();

        Assert.True(Validator.Validate(settings).IsValid);
        Assert.Equal(3, settings.ReconcileHours);
        Assert.Equal(["Цена продажи"], settings.Products.PriceTypes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void Reconcile_hours_outside_1_to_24_are_refused_naming_the_field(int hours)
    {
        var result = Validator.Validate(new MoySkladPlanfixSettings { ReconcileHours = hours });

        Assert.Equal("ReconcileHours", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void No_price_type_a_negative_id_or_an_extra_field_onto_a_fixed_field_are_refused()
    {
        var settings = new MoySkladPlanfixSettings
        {
            Planfix = { ProductDirectoryId = -1 },
            Products = { PriceTypes = [], ExtraFields = new() { ["Бренд"] = "Stock" } },
        };

        var fields = Validator.Validate(settings).Errors.Select(e => e.PropertyName).ToList();

        Assert.Contains("Planfix.ProductDirectoryId", fields);
        Assert.Contains("Products.PriceTypes", fields);
        Assert.Contains("Products.ExtraFields", fields);
    }
}
