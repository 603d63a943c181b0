using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>
/// One company's data in the Okos-Ügyvitel emulator: master data, documents, stock and the change feed.
/// Every method runs under the company's lock (taken by the caller), so each call is one consistent step.
/// </summary>
internal sealed partial class OkosCompany(string id, string apiKey)
{
    public string Id { get; } = id;
    public string ApiKey { get; set; } = apiKey;
    public Lock Gate { get; } = new();

    public List<(string Id, string Name)> Warehouses { get; } = [];
    public List<Sequence> Sequences { get; } = [];
    public List<(string Key, decimal Rate)> VatKeys { get; } = [];
    public List<JsonObject> Customers { get; } = [];
    public List<Product> Products { get; } = [];
    public List<JsonObject> Services { get; } = [];
    public List<JsonObject> PaymentMethods { get; } = [];
    public List<JsonObject> ShippingMethods { get; } = [];
    private int _nextId = 1;

    public sealed class Sequence(string code, string prefix)
    {
        public string Code { get; } = code;
        public string Prefix { get; } = prefix;
        public int Next { get; set; } = 1;
    }

    public sealed class Product
    {
        public required string Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; set; }
        public string Unit { get; set; } = "db";
        public required string VatKey { get; set; }
        public decimal NetSalesPrice { get; set; }
        public decimal MinimumStock { get; set; }
        public JsonObject? DefaultSupplier { get; set; }

        public JsonObject ToJson() => new()
        {
            ["id"] = Id, ["code"] = Code, ["name"] = Name, ["unit"] = Unit, ["vatKey"] = VatKey,
            ["netSalesPrice"] = NetSalesPrice, ["minimumStock"] = MinimumStock, ["defaultSupplier"] = DefaultSupplier?.DeepClone(),
        };
    }

    public string NewId() => (_nextId++).ToString(CultureInfo.InvariantCulture);

    public void CheckVatKey(string field, string key)
    {
        if (!VatKeys.Any(v => v.Key == key))
            throw OkosProblem.Field(field, $"The VAT key \"{key}\" does not exist in this company.");
    }

    public void CheckWarehouse(string field, string warehouseId)
    {
        if (!Warehouses.Any(w => w.Id == warehouseId))
            throw OkosProblem.Field(field, $"The warehouse \"{warehouseId}\" does not exist in this company.");
    }

    public JsonObject CreateCustomer(JsonObject body)
    {
        var customer = (JsonObject)body.DeepClone();
        customer["id"] = NewId();
        AddCustomer(customer);
        return customer;
    }

    public Product CreateProduct(JsonObject body)
    {
        var code = OkosBody.Text(body, "code");
        if (Products.Any(p => p.Code == code))
            throw new OkosProblem(409, "Conflict", $"A product with the code \"{code}\" exists already.");
        var vatKey = OkosBody.Text(body, "vatKey");
        CheckVatKey("vatKey", vatKey);
        var product = new Product
        {
            Id = NewId(), Code = code, Name = OkosBody.Text(body, "name"), VatKey = vatKey,
            Unit = body["unit"]?.ToString() is { Length: > 0 } unit ? unit : "db",
            NetSalesPrice = OkosBody.Number(body, "netSalesPrice"),
            MinimumStock = OkosBody.Number(body, "minimumStock"),
            DefaultSupplier = body["defaultSupplier"]?.DeepClone() as JsonObject,
        };
        Products.Add(product);
        return product;
    }

    public Product UpdateProduct(string productId, JsonObject body)
    {
        var product = Products.FirstOrDefault(p => p.Id == productId) ?? throw new OkosProblem(404, "Not found", $"There is no product {productId}.");
        if (body.ContainsKey("netSalesPrice"))
        {
            var price = OkosBody.Number(body, "netSalesPrice");
            if (price != product.NetSalesPrice) Changed("price", product.Code);
            product.NetSalesPrice = price;
        }
        if (body.ContainsKey("minimumStock")) product.MinimumStock = OkosBody.Number(body, "minimumStock");
        if (body.ContainsKey("defaultSupplier")) product.DefaultSupplier = body["defaultSupplier"]?.DeepClone() as JsonObject;
        if (body["name"]?.ToString() is { Length: > 0 } name) product.Name = name;
        return product;
    }

    public JsonObject CreateNamed(List<JsonObject> list, JsonObject body, string what)
    {
        var name = OkosBody.Text(body, "name");
        if (list.Any(x => x["name"]?.ToString() == name))
            throw new OkosProblem(409, "Conflict", $"A {what} named \"{name}\" exists already.");
        var created = (JsonObject)body.DeepClone();
        created["id"] = NewId();
        list.Add(created);
        return created;
    }
}
