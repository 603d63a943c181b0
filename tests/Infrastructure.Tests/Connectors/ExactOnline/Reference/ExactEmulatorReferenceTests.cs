using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline.Reference;

/// <summary>
/// The Exact emulator knows only fields the real resources have: it refuses any other in $select and $filter, so a
/// field the connector invents fails here as it would against Exact.
/// </summary>
public sealed class ExactEmulatorReferenceTests
{
    public static TheoryData<string, string> Sets() => new()
    {
        { ExactDivision.Items, "logistics/Items" },
        { ExactDivision.SalesItemPrices, "logistics/SalesItemPrices" },
        { ExactDivision.Warehouses, "inventory/Warehouses" },
        { ExactDivision.ItemWarehouses, "inventory/ItemWarehouses" },
        { ExactDivision.Accounts, "crm/Accounts" },
        { ExactDivision.SupplierItem, "logistics/SupplierItem" },
        { ExactDivision.Deleted, "sync/Deleted" },
        { ExactDivision.BillOfMaterialVersions, "manufacturing/BillOfMaterialVersions" },
        { ExactDivision.BillOfMaterialMaterials, "manufacturing/BillOfMaterialMaterials" },
        { ExactDivision.SalesOrders, "salesorder/SalesOrders" },
        { ExactDivision.SalesOrderLines, "salesorder/SalesOrderLines" },
        { ExactDivision.SalesInvoices, "salesinvoice/SalesInvoices" },
        { ExactDivision.SalesInvoiceLines, "salesinvoice/SalesInvoiceLines" },
        { ExactDivision.PurchaseOrders, "purchaseorder/PurchaseOrders" },
        { ExactDivision.PurchaseOrderLines, "purchaseorder/PurchaseOrderLines" },
        { ExactDivision.GoodsReceiptLines, "purchaseorder/GoodsReceiptLines" },
        { ExactDivision.ShopOrders, "manufacturing/ShopOrders" },
        { ExactDivision.AssemblyOrders, "inventory/AssemblyOrders" },
    };

    [Fact]
    public async Task Selecting_a_field_the_resource_does_not_have_is_refused_with_Exacts_message()
    {
        await using var hub = await ExactHub.StartAsync(items: 12);

        var refused = await hub.GetAsync($"api/v1/{ExactHub.Division}/sync/Manufacturing/BillOfMaterialVersions?$select=ID,Item,ItemCode,Timestamp&$filter=Timestamp gt 1L");
        var unknownFilter = await hub.GetAsync($"api/v1/{ExactHub.Division}/logistics/Items?$select=ID&$filter=StandardSalesPrice gt 1");
        var known = await hub.GetAsync($"api/v1/{ExactHub.Division}/sync/Manufacturing/BillOfMaterialVersions?$select=ID,Item,Timestamp&$filter=Timestamp gt 1L");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("No property 'ItemCode' exists in type", await refused.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknownFilter.StatusCode);
        Assert.Contains("No property 'StandardSalesPrice' exists", await unknownFilter.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, known.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task The_emulator_set_has_only_fields_of_the_real_resource(string set, string resource)
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        var reference = ExactReference.Fields[resource];

        // Timestamp is every set's row version; the emulator serves it on sync endpoints only, as Exact does.
        var unknown = hub.Exact.Division(ExactOptiplyHub.Division).Set(set).Fields
            .Where(f => !reference.Contains(f) && f != "Timestamp")
            .Order().ToList();

        Assert.True(unknown.Count == 0, $"{set}: {string.Join(", ", unknown)}");
    }
}
