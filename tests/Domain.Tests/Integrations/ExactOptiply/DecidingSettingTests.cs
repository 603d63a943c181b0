using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

/// <summary>Every skip or retry a tenant option decides names that option, by its path in the tenant's settings.</summary>
public sealed class DecidingSettingTests
{
    private static readonly Guid Main = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Shop = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static readonly WarehouseSettings OnlyMain = new() { Mode = WarehouseMode.Subset, Subset = [Main] };

    [Fact]
    public void A_stock_document_of_a_warehouse_outside_the_subset_names_the_warehouses_option()
    {
        var decision = new InChosenWarehouses(OnlyMain, "Warehouse").Apply(new JsonObject { ["Warehouse"] = Shop.ToString() });

        Assert.Equal("warehouses", Assert.IsType<RuleDecision.Skip>(decision).Setting);
    }

    [Fact]
    public void A_buy_order_of_a_warehouse_outside_the_subset_names_the_warehouses_option()
    {
        var decision = new InBuyOrderWarehouses(OnlyMain).Apply(new JsonObject { ["Warehouse"] = Shop.ToString() });

        Assert.Equal("warehouses", Assert.IsType<RuleDecision.Skip>(decision).Setting);
    }

    [Theory]
    [InlineData(SellOrderSource.SalesOrder, 12, "sellOrders.salesOrders")]
    [InlineData(SellOrderSource.SalesInvoice, 20, "sellOrders.salesInvoices")]
    [InlineData(SellOrderSource.ProductionOrder, 20, "sellOrders.productionOrders")]
    public void A_sell_order_left_out_by_its_source_filter_names_that_sources_option(string source, int status, string option)
    {
        var settings = new SellOrderSettings { SalesOrders = SourceFilter.Completed, SalesInvoices = SourceFilter.Completed, ProductionOrders = SourceFilter.Off };

        var decision = new SellOrderSourceFilter(settings).Apply(new JsonObject { ["Source"] = source, ["Status"] = status });

        Assert.Equal(option, Assert.IsType<RuleDecision.Skip>(decision).Setting);
    }

    [Fact]
    public void Stock_left_out_because_stock_mapping_is_off_names_products_mapStockLevel()
    {
        var decision = new SkipWhenStockIsNotMapped(new ProductSettings { MapStockLevel = false }).Apply(new JsonObject());

        Assert.Equal("products.mapStockLevel", Assert.IsType<RuleDecision.Skip>(decision).Setting);
    }

    [Fact]
    public void A_deleted_order_older_than_the_deletions_start_names_buyOrders_deletionsSince()
    {
        var decision = new BuyOrderDeletionWindow(new DateOnly(2023, 11, 20))
            .Apply(new JsonObject { ["DeletedInExact"] = true, ["OrderDate"] = "2023-10-01T00:00:00" });

        var skip = Assert.IsType<RuleDecision.Skip>(decision);
        Assert.True(skip.Log);
        Assert.Equal("buyOrders.deletionsSince", skip.Setting);
    }

    [Fact]
    public void A_supplier_without_a_name_names_no_setting_because_no_option_decides_it()
    {
        // Optiply needs the name whatever the options say: the fix is in Exact, not in the hub.
        var decision = new SkipSupplierWithoutName().Apply(new JsonObject { ["Code"] = "S-9" });

        var skip = Assert.IsType<RuleDecision.Skip>(decision);
        Assert.True(skip.Log);
        Assert.Null(skip.Setting);
    }
}
