using System.Text.Json.Nodes;

namespace Koppel.Domain.Tests.Mapping;

/// <summary>Source records shaped like Exact Online's API responses, used by the seed's mapping rows.</summary>
internal static class ExactSamples
{
    /// <summary>/Date(1700000000000)/ is 2023-11-14 22:13:20 UTC, a Tuesday.</summary>
    public const string Created = "/Date(1700000000000)/";

    public static JsonObject Item() => Map.Source("""
        {
          "ID": "5c1f0b38-1d7e-4a8e-9a4a-0d2f4c7e9b11",
          "Code": "KOF-1000",
          "Description": "Koffiebonen 1kg",
          "SearchCode": "KOF1",
          "Barcode": "8712345678906",
          "IsPurchaseItem": true,
          "IsMakeItem": false,
          "IsStockItem": true,
          "CostPriceStandard": 7.5,
          "SalesPrice": 12.95,
          "Stock": 12.0,
          "Created": "/Date(1700000000000)/"
        }
        """);

    public static JsonObject SupplierItem() => Map.Source("""
        {
          "ID": "a8d2e4f0-3b7c-4c1d-8e9f-112233445566",
          "SupplierItemCode": "LEV-77",
          "PurchaseLotSize": 6,
          "MinimumQuantity": 12,
          "PurchaseLeadTime": 5,
          "MainSupplier": true,
          "PurchasePrice": 42.00,
          "Item": { "Barcode": "8712345678906" }
        }
        """);

    public static JsonObject SalesOrder() => Map.Source("""
        {
          "OrderID": "0f6e2c8a-9b1d-4e3f-a5c7-d8e9f0a1b2c3",
          "AmountDC": 129.95,
          "OrderDate": "/Date(1700000000000)/",
          "DeliveryDate": null,
          "Status": 21,
          "SalesOrderLines": [ { "ItemCode": "KOF-1000", "Quantity": 3, "AmountDC": 59.97 } ]
        }
        """);
}
