using System.Net;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

/// <summary>The emulator's orders, receipts and bills of material, as the later flows will read and write them.</summary>
public sealed class ExactSandboxOrderTests
{
    private const string Api = "api/v1/" + ExactHub.Division + "/";

    [Fact]
    public async Task Seeded_sales_orders_have_every_status_and_drop_shipment_lines()
    {
        await using var exact = await ExactHub.StartAsync(items: 60);

        var statuses = exact.Exact.Rows(ExactHub.Division, "SalesOrders").Select(o => (int)o["Status"]!).Distinct().Order();
        var lines = exact.Exact.Rows(ExactHub.Division, "SalesOrderLines");

        Assert.Equal([12, 20, 21, 45], statuses);
        Assert.Contains(lines, l => (int)l["UseDropShipment"]! == 1);
    }

    [Fact]
    public async Task Seeded_bills_of_material_contain_a_cycle()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);
        var versions = exact.Exact.Rows(ExactHub.Division, "BillOfMaterialVersions").ToDictionary(v => (string)v["ID"]!, v => (string)v["Item"]!);
        var edges = exact.Exact.Rows(ExactHub.Division, "BillOfMaterialMaterials").Select(m => (Parent: versions[(string)m["ItemVersion"]!], Part: (string)m["PartItem"]!)).ToHashSet();

        Assert.Contains(edges, e => edges.Contains((e.Part, e.Parent)));
    }

    [Fact]
    public async Task The_purchase_orders_sync_endpoint_returns_header_and_line_rows_together()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var order = exact.Exact.Rows(ExactHub.Division, "PurchaseOrders")[0];
        var id = (string)order["PurchaseOrderID"]!;

        using var answer = await exact.GetAsync(Api + "sync/PurchaseOrder/PurchaseOrders?$filter=Timestamp gt 1L&$select=ID,PurchaseOrderID,LineNumber,OrderNumber,Item,Timestamp");
        var rows = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!["results"]!.AsArray()
            .Where(r => (string?)r!["PurchaseOrderID"] == id).ToList();

        Assert.Single(rows, r => (int)r!["LineNumber"]! == 0 && (string?)r["ID"] == id);
        Assert.Contains(rows, r => (int)r!["LineNumber"]! >= 1 && (int)r["OrderNumber"]! == (int)order["OrderNumber"]!);
    }

    [Fact]
    public async Task Expand_embeds_the_purchase_order_lines_in_results()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);

        using var answer = await exact.GetAsync(Api + "purchaseorder/PurchaseOrders?$filter=OrderStatus eq 10&$expand=PurchaseOrderLines&$select=PurchaseOrderID,OrderNumber,PurchaseOrderLines/Item");
        var first = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!["results"]![0]!;

        Assert.NotEmpty(first["PurchaseOrderLines"]!["results"]!.AsArray());
    }

    [Fact]
    public async Task Posting_a_purchase_order_creates_it_open_with_source_rest_api_and_an_order_number()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var link = exact.Exact.Rows(ExactHub.Division, "SupplierItem").First();
        var body = new JsonObject
        {
            ["Supplier"] = (string)link["Supplier"]!,
            ["YourRef"] = "Optiply 8812",
            ["ReceiptDate"] = "2026-03-09T00:00:00",
            ["PurchaseOrderLines"] = new JsonArray(new JsonObject { ["Item"] = (string)link["Item"]!, ["QuantityInPurchaseUnits"] = 24 }),
        };

        using var answer = await exact.PostAsync(Api + "purchaseorder/PurchaseOrders", body);
        var order = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!;

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(11, (int)order["Source"]!);
        Assert.Equal(10, (int)order["OrderStatus"]!);
        Assert.True((int)order["OrderNumber"]! > 0);
        Assert.Equal(24, (double)order["PurchaseOrderLines"]!["results"]![0]!["Quantity"]!);
    }

    [Fact]
    public async Task Posting_a_purchase_order_without_supplier_is_refused()
    {
        await using var exact = await ExactHub.StartAsync(items: 10);

        using var answer = await exact.PostAsync(Api + "purchaseorder/PurchaseOrders", new JsonObject { ["PurchaseOrderLines"] = new JsonArray() });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("Mandatory: Supplier", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["message"]!["value"]);
    }

    [Fact]
    public async Task Receiving_goods_raises_the_received_quantity_and_the_receipt_status()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var order = exact.Exact.Rows(ExactHub.Division, "PurchaseOrders").First(o => (int)o["ReceiptStatus"]! == 10 && (int)o["OrderStatus"]! == 10);
        var id = (string)order["PurchaseOrderID"]!;
        var line = exact.Exact.Rows(ExactHub.Division, "PurchaseOrderLines").First(l => (string?)l["PurchaseOrderID"] == id);

        exact.Exact.ReceiveGoods(ExactHub.Division, id, (string)line["ItemCode"]!, (double)line["Quantity"]! / 2);

        var after = exact.Exact.Rows(ExactHub.Division, "PurchaseOrders").Single(o => (string?)o["PurchaseOrderID"] == id);
        Assert.Equal(20, (int)after["ReceiptStatus"]!);
        Assert.Contains(exact.Exact.Rows(ExactHub.Division, "GoodsReceiptLines"), g => (string?)g["PurchaseOrderID"] == id);
    }
}
