using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>
/// Generated account data, deterministic per seed: a webshop, suppliers (some without e-mail), products (some without
/// supplier or order multiple, a few with negative free stock, a bundle head), and orders over the last weeks.
/// </summary>
internal static class GgSeedData
{
    public static void Fill(GoedGepicktSandbox sandbox, string account, int size, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var uuid = () => new Guid(Bytes(random)).ToString();
        var shop = sandbox.AddWebshop(account, "Demo webshop", uuid());
        string[] backorders = ["yes", "no", "default"];
        var suppliers = Enumerable.Range(1, Math.Max(2, size / 10)).Select(i => sandbox.AddSupplier(account, new JsonObject
        {
            ["uuid"] = uuid(), ["name"] = $"Leverancier {i:00}",
            ["email"] = i % 5 == 0 ? null : $"inkoop{i}@leverancier{i}.example",
            ["backorders"] = backorders[i % 3],
        })).ToList();
        var products = new List<JsonObject>();
        for (var i = 1; i <= size; i++)
        {
            var supplier = i % 11 == 0 ? null : suppliers[random.Next(suppliers.Count)];
            var product = sandbox.AddProduct(account, new JsonObject
            {
                ["uuid"] = uuid(), ["sku"] = $"GG-{i:00000}", ["name"] = $"Product {i}", ["webshopUuid"] = shop,
                ["price"] = GgMoney.Text(random.Next(100, 10000) / 100m), ["costPrice"] = GgMoney.Text(random.Next(50, 5000) / 100m),
                ["type"] = i == size && size > 5 ? "parent" : "normal",
                ["stock"] = new JsonObject { ["freeStock"] = i % 17 == 0 ? -random.Next(1, 5) : random.Next(0, 200), ["unlimitedStock"] = i % 23 == 0 },
                ["supplier"] = supplier is null ? null : new JsonObject { ["uuid"] = supplier["uuid"]!.ToString(), ["name"] = supplier["name"]!.ToString(), ["supplierSku"] = $"SUP-{i:00000}" },
                ["purchasable"] = i % 13 != 0,
                ["orderInMultiplesOf"] = i % 7 == 0 ? null : (JsonNode)(random.Next(0, 3) switch { 0 => 1, 1 => 6, _ => 12 }),
                ["ignoreForOptiply"] = i % 29 == 0,
            }, fire: false);
            products.Add(product);
        }
        for (var o = 1; o <= size / 2; o++)
        {
            var lines = new JsonArray();
            foreach (var product in Enumerable.Range(0, random.Next(1, 4)).Select(_ => products[random.Next(products.Count)]))
            {
                var quantity = random.Next(1, 5);
                var unit = decimal.Parse(product["price"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                lines.Add(new JsonObject
                {
                    ["productUuid"] = product["uuid"]!.ToString(), ["productName"] = product["name"]!.ToString(), ["sku"] = product["sku"]!.ToString(),
                    ["productQuantity"] = quantity, ["type"] = product["type"]!.ToString(),
                    ["price"] = GgMoney.Text(unit), ["totalPrice"] = GgMoney.Text(unit * quantity),
                });
            }
            sandbox.AddOrder(account, new JsonObject
            {
                ["uuid"] = uuid(), ["orderNumber"] = $"WS-{1000 + o}", ["webshopUuid"] = shop,
                ["status"] = o % 9 == 0 ? "cancelled" : "completed",
                ["createDate"] = (now - TimeSpan.FromHours(random.Next(1, 24 * 28))).ToString("yyyy-MM-ddTHH:mm:sszzz"),
                ["products"] = lines,
            }, fire: false);
        }
    }

    private static byte[] Bytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        return bytes;
    }
}
