using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// Counterparties and customer orders as MoySklad writes them: required fields (counterparty name; order organization
/// and agent), references checked to exist, keys outside the entity refused, read-only keys ignored, an order's
/// <c>positions</c> replaced as a whole by a PUT that sends them, prices in kopecks, and reserves counted in stock.
/// </summary>
internal sealed class MoySkladDocuments(TimeProvider clock)
{
    // Writable keys of the entities in MoySklad's OpenAPI specification (counterparty.yaml, customerOrder.yaml).
    private static readonly HashSet<string> CounterpartyKeys =
    [
        "name", "description", "code", "externalCode", "archived", "email", "phone", "fax", "actualAddress", "actualAddressFull", "legalTitle",
        "legalAddress", "legalAddressFull", "legalFirstName", "legalLastName", "legalMiddleName", "inn", "kpp", "ogrn", "ogrnip", "okpo",
        "certificateNumber", "certificateDate", "companyType", "tags", "discountCardNumber", "priceType", "state", "owner", "group", "shared",
        "attributes", "syncId", "sex", "birthDate", "notes", "contactpersons", "accounts", "files",
    ];
    private static readonly HashSet<string> OrderKeys =
    [
        "name", "description", "code", "externalCode", "moment", "applicable", "organization", "organizationAccount", "agent", "agentAccount",
        "store", "state", "owner", "group", "shared", "contract", "project", "salesChannel", "rate", "vatEnabled", "vatIncluded", "attributes",
        "positions", "deliveryPlannedMoment", "shipmentAddress", "shipmentAddressFull", "syncId", "taxSystem", "files",
    ];
    private static readonly HashSet<string> PositionKeys = ["id", "meta", "assortment", "quantity", "price", "discount", "vat", "vatEnabled", "reserve", "pack", "taxSystem"];
    // Read-only keys are ignored on writes: a template MoySklad filled in is posted back as it came.
    private static readonly HashSet<string> ReadOnly =
        ["id", "accountId", "meta", "updated", "created", "sum", "vatSum", "reservedSum", "payedSum", "shippedSum", "invoicedSum", "printed", "published"];

    public JsonObject SaveCounterparty(MoySkladAccountData data, string? id, JsonObject input)
    {
        var entity = id is null ? New(data, "counterparty") : data.Counterparties.GetValueOrDefault(id) ?? throw MoySkladError.NotFound("counterparty", id);
        var copy = entity.DeepClone().AsObject();
        if (id is null) copy["companyType"] = "legal";
        if (input["attributes"] is { } attributes)
        {
            input = input.DeepClone().AsObject();
            input.Remove("attributes");
            MoySkladProducts.MergeAttributes(copy, attributes, data.CounterpartyAttributes);
        }
        Apply(copy, input, CounterpartyKeys, "counterparty");
        if (string.IsNullOrWhiteSpace(copy["name"]?.ToString())) throw MoySkladError.Required("name");
        return data.Counterparties[copy["id"]!.ToString()] = Touch(copy);
    }

    public JsonObject SaveOrder(MoySkladAccountData data, string? id, JsonObject input)
    {
        var entity = id is null ? New(data, "customerorder") : data.Orders.GetValueOrDefault(id) ?? throw MoySkladError.NotFound("customerorder", id);
        var copy = entity.DeepClone().AsObject();
        if (id is null)
        {
            copy["name"] = (data.Orders.Count + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            copy["moment"] = MoySkladTime.Format(clock.GetUtcNow());
            copy["applicable"] = true;
            copy["vatEnabled"] = false;
        }
        var positions = input["positions"];
        input = input.DeepClone().AsObject();
        input.Remove("positions");
        Apply(copy, input, OrderKeys, "customerorder");
        Reference(data.Organizations, copy["organization"], "organization");
        Reference(data.Counterparties, copy["agent"], "agent");
        if (copy["store"] is not null) Reference(data.Stores, copy["store"], "store");
        if (copy["owner"] is not null) Reference(data.Employees, copy["owner"], "owner");
        var orderId = copy["id"]!.ToString();
        if (positions is not null || id is null)
            ReplacePositions(data, orderId, positions as JsonArray ?? []);
        var rows = data.OrderPositions.GetValueOrDefault(orderId) ?? [];
        copy["sum"] = rows.Sum(p => p["price"]!.GetValue<decimal>() * p["quantity"]!.GetValue<decimal>());
        copy["reservedSum"] = rows.Sum(p => p["price"]!.GetValue<decimal>() * (p["reserve"]?.GetValue<decimal>() ?? 0));
        copy["positions"] = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["href"] = $"{MoySkladAccountData.Host}/entity/customerorder/{orderId}/positions", ["type"] = "customerorderposition",
                ["mediaType"] = "application/json", ["size"] = rows.Count, ["limit"] = 1000, ["offset"] = 0,
            },
        };
        return data.Orders[orderId] = Touch(copy);
    }

    /// <summary>The order's positions are the ones sent: old reserves are released and the new ones taken.</summary>
    private static void ReplacePositions(MoySkladAccountData data, string orderId, JsonArray input)
    {
        var rows = new List<JsonObject>();
        foreach (var item in input)
        {
            var position = item as JsonObject ?? throw MoySkladError.BadJson("Позиция должна быть объектом");
            foreach (var (key, _) in position)
                if (!PositionKeys.Contains(key)) throw MoySkladError.UnknownField($"positions.{key}");
            var href = position["assortment"]?["meta"]?["href"]?.ToString() ?? throw MoySkladError.Required("positions.assortment");
            var productId = href[(href.LastIndexOf('/') + 1)..];
            if (!data.Products.ContainsKey(productId)) throw new MoySkladError(412, 2010, $"Неверная ссылка на товар '{href}'", "positions.assortment");
            var quantity = position["quantity"]?.GetValue<decimal>() ?? throw MoySkladError.Required("positions.quantity");
            var id = Guid.NewGuid().ToString("D");
            rows.Add(new JsonObject
            {
                ["meta"] = new JsonObject
                {
                    ["href"] = $"{MoySkladAccountData.Host}/entity/customerorder/{orderId}/positions/{id}", ["type"] = "customerorderposition", ["mediaType"] = "application/json",
                },
                ["id"] = id,
                ["accountId"] = data.AccountId,
                ["quantity"] = quantity,
                ["price"] = position["price"]?.GetValue<decimal>() ?? 0,
                ["discount"] = position["discount"]?.GetValue<decimal>() ?? 0,
                ["vat"] = position["vat"]?.GetValue<int>() ?? 0,
                ["vatEnabled"] = false,
                ["assortment"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("product", productId) },
                ["shipped"] = 0,
                ["reserve"] = Math.Min(quantity, position["reserve"]?.GetValue<decimal>() ?? 0),
            });
        }
        foreach (var old in data.OrderPositions.GetValueOrDefault(orderId) ?? []) Reserve(data, old, -1);
        foreach (var row in rows) Reserve(data, row, +1);
        data.OrderPositions[orderId] = rows;
    }

    private static void Reserve(MoySkladAccountData data, JsonObject position, int sign)
    {
        var href = position["assortment"]!["meta"]!["href"]!.ToString();
        var reserve = position["reserve"]!.GetValue<decimal>();
        if (reserve != 0) data.StockOf(href[(href.LastIndexOf('/') + 1)..]).Reserve += sign * reserve;
    }

    internal static void Reference(Dictionary<string, JsonObject> all, JsonNode? value, string field)
    {
        var href = value?["meta"]?["href"]?.ToString() ?? throw MoySkladError.Required(field);
        if (!all.ContainsKey(href[(href.LastIndexOf('/') + 1)..])) throw new MoySkladError(412, 2010, $"Неверная ссылка '{href}' в поле '{field}'", field);
    }

    internal static void Apply(JsonObject entity, JsonObject input, IReadOnlySet<string> keys, string type)
    {
        foreach (var (key, value) in input)
        {
            if (ReadOnly.Contains(key)) continue;
            if (!keys.Contains(key)) throw MoySkladError.UnknownField(key);
            if (value is null) entity.Remove(key);
            else entity[key] = value.DeepClone();
        }
    }

    internal JsonObject New(MoySkladAccountData data, string type)
    {
        var id = Guid.NewGuid().ToString("D");
        var meta = MoySkladAccountData.Meta(type, id);
        meta["uuidHref"] = $"https://online.moysklad.ru/app/#{type}/edit?id={id}";
        return new JsonObject
        {
            ["meta"] = meta, ["id"] = id, ["accountId"] = data.AccountId, ["shared"] = true,
            ["created"] = MoySkladTime.Format(clock.GetUtcNow()), ["externalCode"] = Guid.NewGuid().ToString("N")[..22],
        };
    }

    internal JsonObject Touch(JsonObject entity)
    {
        entity["updated"] = MoySkladTime.Format(clock.GetUtcNow());
        return entity;
    }
}
