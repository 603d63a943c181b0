using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// Generates an account that already works with Optiply: suppliers, products, their supplier products and
/// some open buy orders with lines (the ones the hub reads back into Exact). Same seed, same data.
/// </summary>
internal static class OptiplySeedData
{
    private static readonly string[] Goods = ["Koffiebonen", "Theezakjes", "Suikerklontjes", "Melkpoeder", "Roerstaafjes", "Bekers", "Servetten", "Filterpapier", "Cacao", "Honing"];
    private static readonly string[] Sizes = ["250 g", "500 g", "1 kg", "doos 100", "doos 500", "pak 12"];
    private static readonly string[] Companies = ["Van Dijk Groothandel", "Bakker & Zn", "De Vries Import", "Jansen Logistiek", "Smit Verpakkingen", "Mulder Food"];

    public static void Fill(OptiplyStore store, string account, int size, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        store.Clear(account);
        var suppliers = new List<long>();
        for (var i = 0; i < Math.Max(1, size / 20); i++)
        {
            suppliers.Add(store.Create(account, OptiplyResourceTypes.Suppliers, Json(new JsonObject
            {
                ["name"] = $"{Companies[i % Companies.Length]}{(i >= Companies.Length ? $" {i / Companies.Length + 1}" : "")}",
                ["emails"] = new JsonArray($"inkoop{i + 1}@leverancier.example"),
                ["deliveryTime"] = random.Next(1, 15),
                ["minimumOrderValue"] = random.Next(0, 5) * 50,
            }), coupling: null, fromApi: false));
        }

        var products = new List<long>();
        for (var i = 1; i <= size; i++)
        {
            var price = Math.Round((decimal)(random.NextDouble() * 40 + 1), 2);
            var product = store.Create(account, OptiplyResourceTypes.Products, Json(new JsonObject
            {
                ["name"] = $"{Goods[random.Next(Goods.Length)]} {Sizes[random.Next(Sizes.Length)]}",
                ["skuCode"] = $"SKU-{i:D5}",
                ["articleCode"] = $"ART{i:D5}",
                ["eanCode"] = $"87{random.NextInt64(10_000_000_000, 99_999_999_999)}",
                ["price"] = price,
                ["stockLevel"] = random.Next(-5, 250),
                ["unlimitedStock"] = false,
                ["status"] = random.Next(10) == 0 ? "disabled" : "enabled",
            }), coupling: null, fromApi: false);
            products.Add(product);
            store.Create(account, OptiplyResourceTypes.SupplierProducts, Json(new JsonObject
            {
                ["name"] = $"Product {i}",
                ["productId"] = product,
                ["supplierId"] = suppliers[random.Next(suppliers.Count)],
                ["skuCode"] = $"SUP-{i:D5}",
                ["price"] = Math.Round(price * 0.6m, 2),
                ["lotSize"] = random.Next(1, 4) * 6,
                ["preferred"] = true,
                ["status"] = "enabled",
            }), coupling: null, fromApi: false);
        }

        for (var i = 0; products.Count > 0 && i < Math.Max(1, size / 10); i++)
        {
            var lines = new JsonArray();
            var total = 0m;
            // Each product once per order, as Optiply's integrations send them.
            var picked = Enumerable.Range(0, random.Next(1, 4)).Select(_ => products[random.Next(products.Count)]).Distinct();
            foreach (var product in picked)
            {
                var quantity = random.Next(1, 10) * 6;
                var subtotal = Math.Round(quantity * (decimal)(random.NextDouble() * 20 + 1), 2);
                total += subtotal;
                lines.Add(new JsonObject { ["productId"] = product, ["quantity"] = quantity, ["subtotalValue"] = subtotal });
            }
            store.Create(account, OptiplyResourceTypes.BuyOrders, Json(new JsonObject
            {
                ["placed"] = OptiplyValues.FormatDate(now.AddDays(-random.Next(0, 10)).AddHours(-random.Next(0, 24))),
                ["supplierId"] = suppliers[random.Next(suppliers.Count)],
                ["totalValue"] = total.ToString("F2", CultureInfo.InvariantCulture),
                ["orderLines"] = lines,
            }), coupling: null, fromApi: false);
        }
    }

    // The store reads values the way they arrive over HTTP, so built objects go through JSON text once.
    private static JsonObject Json(JsonObject built) => (JsonObject)JsonNode.Parse(built.ToJsonString())!;
}
