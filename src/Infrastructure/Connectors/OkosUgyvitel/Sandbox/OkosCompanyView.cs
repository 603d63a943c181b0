using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>What tests and the demo may see and do in an emulated company, as a user of the ERP would.</summary>
public sealed class OkosCompanyView
{
    private readonly OkosCompany _company;

    internal OkosCompanyView(OkosCompany company) => _company = company;

    public IReadOnlyList<JsonObject> Customers => _company.Customers.Select(c => (JsonObject)c.DeepClone()).ToList();
    public IReadOnlyList<JsonObject> Products => _company.Products.Select(p => p.ToJson()).ToList();
    public IReadOnlyList<JsonObject> Services => _company.Services.Select(s => (JsonObject)s.DeepClone()).ToList();
    public IReadOnlyList<JsonObject> PaymentMethods => _company.PaymentMethods.Select(s => (JsonObject)s.DeepClone()).ToList();
    public IReadOnlyList<JsonObject> ShippingMethods => _company.ShippingMethods.Select(s => (JsonObject)s.DeepClone()).ToList();
    public IReadOnlyList<JsonObject> Documents => _company.Documents.Select(d => d.ToJson()).ToList();
    public IReadOnlyList<JsonObject> Stock(string? warehouseId = null) => _company.Stock(warehouseId).ToList();

    public void AddVatKey(string key, decimal rate) => _company.VatKeys.Add((key, rate));

    /// <summary>Creates a product as a user would in the ERP (with a supplier and minimum stock when given).</summary>
    public string CreateProduct(string code, string name, decimal netSalesPrice, string vatKey = "27%", decimal minimumStock = 0, string? supplier = null, string? supplierItemCode = null) =>
        _company.CreateProduct(new JsonObject
        {
            ["code"] = code, ["name"] = name, ["netSalesPrice"] = netSalesPrice, ["vatKey"] = vatKey, ["minimumStock"] = minimumStock,
            ["defaultSupplier"] = supplier is null ? null : new JsonObject { ["name"] = supplier, ["itemCode"] = supplierItemCode },
        }).Id;

    public void SetPhysical(string productCode, string warehouseId, decimal quantity) => _company.SetPhysical(productCode, warehouseId, quantity);

    public void SetPrice(string productCode, decimal netSalesPrice)
    {
        var product = _company.Products.First(p => p.Code == productCode);
        _company.UpdateProduct(product.Id, new JsonObject { ["netSalesPrice"] = netSalesPrice });
    }

    public JsonObject Invoice(string documentId) => _company.Invoice(documentId).ToJson();

    /// <summary>Adds a registered customer as the ERP already knows it.</summary>
    public string AddCustomer(JsonObject customer) => _company.CreateCustomer(customer)["id"]!.ToString();
}
