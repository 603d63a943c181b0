using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// Fills a division with a wholesaler's data, deterministic per seed: items with a price history
/// (ended prices, customer agreements, prices in another unit), warehouses and stock, suppliers (valid,
/// invalid and missing e-mails, one without a name) and their supplier items. The awkward cases the
/// Exact -> Optiply rules must handle are always present, whatever the size.
/// </summary>
public sealed partial class ExactDataGenerator(ExactDivision division, int seed)
{
    private readonly Random _random = new(HashCode.Combine(seed, division.Code) & int.MaxValue);
    private static readonly DateTime History = new(2023, 1, 2, 9, 0, 0);

    private static readonly string[] Products = ["chair", "table", "lamp", "shelf", "cabinet", "desk", "stool", "rug", "mirror", "vase", "cushion", "bench"];
    private static readonly string[] Materials = ["Oak", "Walnut", "Steel", "Bamboo", "Linen", "Brass", "Ceramic", "Pine", "Velvet", "Marble"];
    private static readonly string[] Colours = ["black", "white", "natural", "grey", "green", "ochre"];
    private static readonly string[] SupplierNames = ["Houtindustrie Veluwe", "Staalwerk Twente", "Linnen & Co", "Keramiek Delft", "Meubelfabriek Brabant", "Lampenhuis Utrecht", "Textiel Tilburg", "Glasblazerij Leerdam"];

    public void Generate(int size)
    {
        var warehouses = Warehouses();
        var customers = Enumerable.Range(1, 4).Select(i => Account($"Klant {i} B.V.", customer: true)).ToList();
        var suppliers = Suppliers(Math.Max(6, size / 25));
        // Assembly orders have no supplier: Optiply's rule maps them to the supplier named like the order's warehouse code.
        foreach (var warehouse in warehouses.Take(2)) Account((string)warehouse["Code"]!, customer: false, leadDays: 1);
        var items = new List<JsonObject>(size);
        for (var i = 1; i <= size; i++)
        {
            var item = Item(i);
            Prices(item, i, customers);
            Stock(item, i, warehouses);
            SupplierItems(item, i, suppliers);
            items.Add(item);
        }
        if (items.Count < 2) return;
        BillsOfMaterial(items);
        SalesOrders(items, customers, warehouses, Math.Max(8, size / 4));
        SalesInvoices(items, customers, warehouses, Math.Max(6, size / 6));
        PurchaseOrders(items, suppliers.Where(s => s["Name"] is not null).ToList(), warehouses, Math.Max(5, size / 8));
        ShopOrders(items, warehouses, Math.Max(4, size / 12));
        AssemblyOrders(items, warehouses, Math.Max(3, size / 20));
    }

    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private DateTime Day(int maxDays) => History.AddDays(_random.Next(maxDays));

    private List<JsonObject> Warehouses()
    {
        (string Code, string Description, int Main)[] all = [("1", "Hoofdmagazijn Amersfoort", 1), ("2", "Winkel Rotterdam", 0), ("3", "Retouren", 0)];
        return all.Select(w => division.Save(ExactDivision.Warehouses, new JsonObject
        {
            ["ID"] = NewId(),
            ["Code"] = w.Code,
            ["Description"] = w.Description,
            ["Main"] = w.Main,
            ["EMail"] = $"magazijn{w.Code}@example.nl",
            ["UseStorageLocations"] = 0,
            ["Created"] = ExactDate.Format(History),
        }, History)).ToList();
    }

    private JsonObject Account(string? name, bool customer, string? email = null, int? leadDays = null)
    {
        var number = division.Set(ExactDivision.Accounts).Count + 1;
        return division.Save(ExactDivision.Accounts, new JsonObject
        {
            ["ID"] = NewId(),
            // Exact's account codes are 18 characters, right-aligned with leading spaces.
            ["Code"] = (customer ? 1000 + number : 50000 + number).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(18),
            ["Name"] = name,
            ["Email"] = email,
            ["IsSupplier"] = !customer,
            ["IsSales"] = customer,
            ["Status"] = customer ? "C" : "A",
            ["Blocked"] = false,
            ["PurchaseLeadDays"] = leadDays,
            ["PurchaseCurrency"] = customer ? null : "EUR",
            ["StartDate"] = ExactDate.Format(History),
            ["EndDate"] = null,
        }, Day(200));
    }

    private List<JsonObject> Suppliers(int count)
    {
        var suppliers = new List<JsonObject>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{SupplierNames[i % SupplierNames.Length]}{(i >= SupplierNames.Length ? $" {i / SupplierNames.Length + 1}" : "")}";
            var slug = new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            var email = (i % 6) switch
            {
                2 => $"inkoop(at){slug}.nl",   // invalid addresses people really type
                3 => null,
                5 => $"sales@{slug}",
                _ => $"inkoop@{slug}.nl",
            };
            // One supplier has no name: the flow must skip it (Optiply requires a name).
            suppliers.Add(Account(i == 3 ? null : name, customer: false, email, i % 3 == 0 ? null : 2 + _random.Next(20)));
        }
        return suppliers;
    }

    private JsonObject Item(int i)
    {
        var product = Products[i % Products.Length];
        var material = Materials[_random.Next(Materials.Length)];
        var colour = Colours[_random.Next(Colours.Length)];
        var unit = i % 11 == 0 ? "box" : i % 17 == 0 ? "kg" : "pc";
        var created = Day(300);
        var cost = Math.Round(5 + _random.NextDouble() * 195, 2);
        return division.Save(ExactDivision.Items, new JsonObject
        {
            ["ID"] = NewId(),
            ["Code"] = $"ART-{i:D5}",
            ["Description"] = $"{material} {product} {colour}",
            ["SearchCode"] = $"{product[..3].ToUpperInvariant()}{i:D5}",
            ["Barcode"] = i % 9 == 0 ? null : $"871{_random.NextInt64(1_000_000_000, 9_999_999_999)}",
            ["Unit"] = unit,
            ["UnitDescription"] = unit switch { "box" => "Doos", "kg" => "Kilogram", _ => "Stuk" },
            ["IsStockItem"] = i % 13 != 0,
            ["IsPurchaseItem"] = i % 7 != 0,
            ["IsSalesItem"] = i % 19 != 0,
            ["IsMakeItem"] = i % 6 == 0 ? 1 : 0,
            ["IsOnDemandItem"] = 0,
            ["IsFractionAllowedItem"] = unit == "kg",
            ["StartDate"] = ExactDate.Format(created.Date),
            ["EndDate"] = i % 23 == 0 ? ExactDate.Format(created.Date.AddDays(200)) : null,
            ["Stock"] = 0.0,
            ["CostPriceStandard"] = cost,
            ["AverageCost"] = Math.Round(cost * (0.9 + _random.NextDouble() * 0.2), 2),
            ["StandardSalesPrice"] = Math.Round(cost * 2.1, 2),
            ["ItemGroupCode"] = material.ToUpperInvariant()[..3],
            ["Created"] = ExactDate.Format(created),
        }, created.AddDays(_random.Next(30)));
    }

    private void Prices(JsonObject item, int i, List<JsonObject> customers)
    {
        if (i % 29 == 0) return;   // some items have no sales price at all
        var basePrice = Math.Round((double)item["StandardSalesPrice"]!, 2);
        var start = ExactDate.Parse((string?)item["StartDate"])!.Value.DateTime;
        // An old general price, ended the day the current one started (as Exact does when a new price is entered).
        var changed = start.AddDays(60 + _random.Next(200));
        Price(item, basePrice * 0.9, null, (string)item["Unit"]!, 1, start, changed.AddDays(-1));
        Price(item, basePrice, null, (string)item["Unit"]!, 1, changed, null);
        if (i % 3 == 0)
            Price(item, basePrice * 0.8, customers[i % customers.Count], (string)item["Unit"]!, 1, changed.AddDays(5), null);
        if (i % 5 == 0)
            Price(item, basePrice * 5.5, null, "box", 6, changed.AddDays(10), null);
    }

    private void Price(JsonObject item, double price, JsonObject? customer, string unit, double perUnit, DateTime start, DateTime? end) =>
        division.Save(ExactDivision.SalesItemPrices, new JsonObject
        {
            ["ID"] = NewId(),
            ["Item"] = (string)item["ID"]!,
            ["ItemCode"] = (string)item["Code"]!,
            ["ItemDescription"] = (string)item["Description"]!,
            ["Account"] = (string?)customer?["ID"],
            ["AccountName"] = (string?)customer?["Name"],
            ["Price"] = Math.Round(price, 2),
            ["Currency"] = "EUR",
            ["Unit"] = unit,
            ["DefaultItemUnit"] = (string)item["Unit"]!,
            ["NumberOfItemsPerUnit"] = perUnit,
            ["Quantity"] = 0.0,
            ["StartDate"] = ExactDate.Format(start.Date),
            ["EndDate"] = end is { } e ? ExactDate.Format(e.Date) : null,
        }, start);

    private void Stock(JsonObject item, int i, List<JsonObject> warehouses)
    {
        if (!(bool)item["IsStockItem"]!) return;
        double total = 0;
        for (var w = 0; w < warehouses.Count; w++)
        {
            if (w == 1 && i % 5 >= 2) continue;
            if (w == 2 && i % 10 != 0) continue;
            var current = (double)_random.Next(0, 250);
            var plannedOut = (double)_random.Next(0, 20);
            var plannedIn = (double)_random.Next(0, 40);
            total += current;
            division.Save(ExactDivision.ItemWarehouses, new JsonObject
            {
                ["ID"] = NewId(),
                ["Item"] = (string)item["ID"]!,
                ["ItemCode"] = (string)item["Code"]!,
                ["Warehouse"] = (string)warehouses[w]["ID"]!,
                ["WarehouseCode"] = (string)warehouses[w]["Code"]!,
                ["CurrentStock"] = current,
                ["PlannedStockIn"] = plannedIn,
                ["PlannedStockOut"] = plannedOut,
                ["ProjectedStock"] = current + plannedIn - plannedOut,
                ["ReservedStock"] = (double)_random.Next(0, 5),
                ["SafetyStock"] = 5.0,
                ["ReorderPoint"] = 10.0,
                ["MaximumStock"] = 300.0,
            }, Day(400));
        }
        item["Stock"] = total;
    }

    private void SupplierItems(JsonObject item, int i, List<JsonObject> suppliers)
    {
        if (!(bool)item["IsPurchaseItem"]!) return;
        var links = i % 4 == 0 ? 2 : 1;
        for (var n = 0; n < links; n++)
        {
            var supplier = suppliers[(i + n * 3) % suppliers.Count];
            var lot = i % 8 == 0 ? 12 : 1;
            division.Save(ExactDivision.SupplierItem, new JsonObject
            {
                ["ID"] = NewId(),
                ["Item"] = (string)item["ID"]!,
                ["ItemCode"] = (string)item["Code"]!,
                ["ItemDescription"] = (string)item["Description"]!,
                ["Supplier"] = (string)supplier["ID"]!,
                ["SupplierCode"] = (string)supplier["Code"]!,
                ["SupplierDescription"] = (string?)supplier["Name"],
                ["SupplierItemCode"] = $"S{(i * 7 + n):D6}",
                ["PurchasePrice"] = Math.Round((double)item["CostPriceStandard"]! * (n == 0 ? 1 : 1.05), 2),
                ["PurchaseUnit"] = (string)item["Unit"]!,
                ["PurchaseUnitFactor"] = 1.0,
                ["PurchaseLotSize"] = lot,
                ["MinimumQuantity"] = (double)(lot == 1 ? 1 : lot * 2),
                ["PurchaseLeadTime"] = 3 + _random.Next(25),
                ["MainSupplier"] = n == 0,
                ["Currency"] = "EUR",
                ["DropShipment"] = 0,
                ["StartDate"] = item["StartDate"]?.DeepClone(),
                ["EndDate"] = null,
            }, Day(400));
        }
    }
}
