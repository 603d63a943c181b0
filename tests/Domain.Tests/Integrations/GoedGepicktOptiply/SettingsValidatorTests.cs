using Koppel.Domain.Integrations.GoedGepicktOptiply;

namespace Koppel.Domain.Tests.Integrations.GoedGepicktOptiply;

public sealed class SettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.True(new GoedGepicktOptiplySettingsValidator().Validate(new GoedGepicktOptiplySettings()).IsValid);

    [Fact]
    public void Invalid_values_name_their_field()
    {
        var settings = new GoedGepicktOptiplySettings
        {
            Products = { NightlyAt = "25:00" },
            Suppliers = { BackorderThreshold = -1 },
            BuyOrders = { IntervalMinutes = 0 },
        };
        var errors = new GoedGepicktOptiplySettingsValidator().Validate(settings).Errors.Select(e => e.PropertyName).ToList();
        Assert.Equal(["Products.NightlyAt", "Suppliers.BackorderThreshold", "BuyOrders.IntervalMinutes"], errors);
    }
}
