using Koppel.Infrastructure.Tenants;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>The pickers of each webshop's options: the ERP company's lists, read live over HTTP from its emulator.</summary>
public sealed class ErpChoicesTests
{
    [Fact]
    public async Task Every_webshops_warehouse_pickers_list_the_erps_warehouses()
    {
        await using var shops = await WebshopsHub.StartAsync();
        var reader = shops.Hub.Get<SettingChoiceReader>();

        var order = await reader.ReadAsync(WebshopsHub.Tenant, "webshops.sr1.warehouseId", default);
        var stock = await reader.ReadAsync(WebshopsHub.Tenant, "webshops.un1.stockWarehouses", default);

        Assert.Null(order.Problem);
        Assert.Equal([("1", "1 · Központi raktár"), ("2", "2 · Bolt raktár")], order.Choices.Select(c => (c.Value, c.Label)));
        Assert.Equal(order.Choices, stock.Choices);
    }

    [Fact]
    public async Task The_numbering_sequence_picker_lists_the_erps_sequences_and_an_unknown_path_says_so()
    {
        await using var shops = await WebshopsHub.StartAsync();
        var reader = shops.Hub.Get<SettingChoiceReader>();

        var sequences = await reader.ReadAsync(WebshopsHub.Tenant, "webshops.un1.numberingSequence", default);
        var none = await reader.ReadAsync(WebshopsHub.Tenant, "webshops.un1.pushStock", default);

        Assert.Equal([("SR", "SR · numbers start SR-"), ("UN", "UN · numbers start UN-")], sequences.Choices.Select(c => (c.Value, c.Label)));
        Assert.Empty(none.Choices);
        Assert.Contains("offers no list for webshops.un1.pushStock", none.Problem);
    }
}
