using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// Generated account data, deterministic per seed: two sale price types, units, two product attributes, one
/// organisation and store, and products "Товар 00001"... with prices in kopecks and stock with reserves.
/// </summary>
internal static class MoySkladSeedData
{
    public const string RoubleId = "8c1f7b2e-0000-4000-8000-000000000643";
    public const string SalePrice = "Цена продажи";
    public const string WholesalePrice = "Оптовая цена";
    public const string BrandAttribute = "Бренд";
    public const string WarrantyAttribute = "Гарантия, мес";
    /// <summary>Counterparty attributes of the seeded account (string and whole number).</summary>
    public const string SourceAttribute = "Источник";
    public const string BonusAttribute = "Бонусные баллы";

    public static void Fill(MoySkladAccountData data, MoySkladProducts products, int size, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        string Id() => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()).ToString("D");
        lock (data.Gate)
        {
            data.PriceTypes.Add(PriceType(Id(), SalePrice, "cbcf493b-55bc-11d9-848a-00112f43529a"));
            data.PriceTypes.Add(PriceType(Id(), WholesalePrice, "wholesale"));
            var piece = Named(data.Uoms, "uom", Id(), "шт", ("code", "796"), ("externalCode", "796"));
            Named(data.Uoms, "uom", Id(), "кг", ("code", "166"), ("externalCode", "166"));
            data.ProductAttributes.Add(Attribute(Id(), BrandAttribute, "string"));
            data.ProductAttributes.Add(Attribute(Id(), WarrantyAttribute, "long"));
            Named(data.Organizations, "organization", Id(), "ООО \"Песочница\"", ("companyType", "legal"), ("archived", false), ("externalCode", "org-1"));
            Named(data.Stores, "store", Id(), "Основной склад", ("archived", false), ("externalCode", "store-1"), ("pathName", ""));
        }
        var noWebhooks = Array.Empty<string>();
        for (var i = 1; i <= size; i++)
        {
            var number = i.ToString("D5", CultureInfo.InvariantCulture);
            var price = random.Next(100, 100_000) * 100;
            var product = new JsonObject
            {
                ["name"] = $"Товар {number}",
                ["code"] = $"C{number}",
                ["article"] = $"ART-{number}",
                ["externalCode"] = $"ext-{number}",
                ["uom"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("uom", data.Uoms.Keys.First()) },
                ["salePrices"] = new JsonArray(
                    Price(data.PriceTypes[0], price),
                    Price(data.PriceTypes[1], price * 9 / 10)),
                ["attributes"] = new JsonArray(new JsonObject { ["id"] = data.ProductAttributes[0]["id"]!.ToString(), ["value"] = i % 3 == 0 ? "Acme" : "Contoso" }),
            };
            lock (data.Gate)
            {
                var created = products.Create(data, product, noWebhooks).AsObject();
                var row = data.StockOf(created["id"]!.ToString());
                row.Stock = random.Next(0, 50);
                row.Reserve = Math.Min(row.Stock, random.Next(0, 4));
                row.InTransit = i % 7 == 0 ? 5 : 0;
                row.Changed = now;
            }
        }
        // After the products, from a random source of their own, so the products' ids and prices stay as they were.
        var more = new Random(seed + 1);
        string MoreId() => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)more.Next(256)).ToArray()).ToString("D");
        lock (data.Gate)
        {
            Named(data.Organizations, "organization", MoreId(), "ИП Второв", ("companyType", "individual"), ("archived", false), ("externalCode", "org-2"));
            Employee(data, MoreId(), "Анна", "Администраторова", "admin@sandbox.example");
            Employee(data, MoreId(), "Мария", "Менеджерова", "maria@sandbox.example");
            data.CounterpartyAttributes.Add(Attribute(MoreId(), SourceAttribute, "string", "counterparty"));
            data.CounterpartyAttributes.Add(Attribute(MoreId(), BonusAttribute, "long", "counterparty"));
        }
    }

    private static void Employee(MoySkladAccountData data, string id, string firstName, string lastName, string email) =>
        Named(data.Employees, "employee", id, $"{lastName} {firstName[0]}.", ("firstName", firstName), ("lastName", lastName), ("email", email),
            ("archived", false), ("externalCode", $"emp-{email[..email.IndexOf('@')]}"));

    private static JsonObject PriceType(string id, string name, string externalCode) => new()
    {
        ["meta"] = new JsonObject
        {
            ["href"] = $"{MoySkladAccountData.Host}/context/companysettings/pricetype/{id}", ["type"] = "pricetype", ["mediaType"] = "application/json",
        },
        ["id"] = id,
        ["name"] = name,
        ["externalCode"] = externalCode,
    };

    private static JsonObject Price(JsonObject priceType, int kopecks) => new()
    {
        ["value"] = kopecks,
        ["priceType"] = new JsonObject { ["meta"] = priceType["meta"]!.DeepClone() },
    };

    private static JsonObject Attribute(string id, string name, string type, string entity = "product") => new()
    {
        ["meta"] = new JsonObject
        {
            ["href"] = $"{MoySkladAccountData.Host}/entity/{entity}/metadata/attributes/{id}", ["type"] = "attributemetadata", ["mediaType"] = "application/json",
        },
        ["id"] = id,
        ["name"] = name,
        ["type"] = type,
        ["required"] = false,
        ["show"] = true,
    };

    private static JsonObject Named(Dictionary<string, JsonObject> into, string type, string id, string name, params (string Key, JsonNode? Value)[] fields)
    {
        var entity = new JsonObject { ["meta"] = MoySkladAccountData.Meta(type, id), ["id"] = id, ["name"] = name, ["updated"] = "2026-12-01 09:00:00.000", ["shared"] = true };
        foreach (var (key, value) in fields) entity[key] = value;
        return into[id] = entity;
    }
}
