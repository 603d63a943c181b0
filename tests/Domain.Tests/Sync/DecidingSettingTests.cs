using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Sync;

public sealed class DecidingSettingTests
{
    [Fact]
    public void A_mapping_setting_gives_back_its_flow_and_target_field_even_when_the_field_has_dots()
    {
        var setting = DecidingSetting.Mapping("products", "stock.level");

        Assert.True(DecidingSetting.IsMapping(setting, out var flow, out var field));
        Assert.Equal("products", flow);
        Assert.Equal("stock.level", field);
    }

    [Theory]
    [InlineData("warehouses")]
    [InlineData("sellOrders.salesOrders")]
    [InlineData("mapping:products")]
    [InlineData("mapping::name")]
    public void An_option_path_or_an_incomplete_mapping_name_is_not_a_mapping(string setting) =>
        Assert.False(DecidingSetting.IsMapping(setting, out _, out _));
}
