using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// Product writes as MoySklad does them: name required, syncId idempotency, a random externalCode when none is
/// given, salePrices merged by price type and attributes by id on update, null clearing a field, arrays as batches
/// (failed elements answered with their errors), <c>updated</c> bumped and webhooks fired on every change.
/// </summary>
internal sealed class MoySkladProducts(TimeProvider clock, MoySkladWebhooks webhooks)
{
    private static readonly HashSet<string> ReadOnly = ["id", "accountId", "meta", "updated", "pathName", "variantsCount"];

    public JsonNode Create(MoySkladAccountData data, JsonNode body, IReadOnlyList<string> suppressed)
    {
        if (body is JsonArray batch)
        {
            if (batch.Count > 1000) throw new MoySkladError(413, 1002, "Превышен максимальный размер массива (1000)");
            var results = new JsonArray();
            foreach (var element in batch)
            {
                try
                {
                    var item = element as JsonObject ?? throw MoySkladError.BadJson("Элемент массива должен быть объектом");
                    results.Add(item["meta"]?["href"]?.ToString() is { } href
                        ? Update(data, href[(href.LastIndexOf('/') + 1)..], item, suppressed)
                        : CreateOne(data, item, suppressed));
                }
                catch (MoySkladError e)
                {
                    results.Add(e.Body());
                }
            }
            return results;
        }
        return CreateOne(data, body as JsonObject ?? throw MoySkladError.BadJson("Ожидался объект или массив"), suppressed);
    }

    private JsonObject CreateOne(MoySkladAccountData data, JsonObject input, IReadOnlyList<string> suppressed)
    {
        if (input["syncId"]?.ToString() is { } syncId && data.SyncIds.TryGetValue(syncId, out var existing) && data.Products.TryGetValue(existing, out var earlier))
            return earlier;
        if (string.IsNullOrWhiteSpace(input["name"]?.ToString())) throw MoySkladError.Required("name");
        var id = Guid.NewGuid().ToString("D");
        var product = new JsonObject
        {
            ["meta"] = MoySkladAccountData.Meta("product", id),
            ["id"] = id,
            ["accountId"] = data.AccountId,
            ["shared"] = true,
            ["updated"] = MoySkladTime.Format(clock.GetUtcNow()),
            ["externalCode"] = RandomCode(),
            ["archived"] = false,
            ["pathName"] = "",
            ["paymentItemType"] = "GOOD",
            ["trackingType"] = "NOT_TRACKED",
            ["discountProhibited"] = false,
            ["weight"] = 0,
            ["volume"] = 0,
            ["variantsCount"] = 0,
            ["isSerialTrackable"] = false,
        };
        Apply(data, product, input);
        data.Products[id] = product;
        if (product["syncId"]?.ToString() is { } newSyncId) data.SyncIds[newSyncId] = id;
        data.StockOf(id).Changed = clock.GetUtcNow();
        webhooks.Notify(data, "product", id, "CREATE", suppressed, null);
        return product;
    }

    public JsonObject Update(MoySkladAccountData data, string id, JsonObject input, IReadOnlyList<string> suppressed)
    {
        var product = data.Products.GetValueOrDefault(id) ?? throw MoySkladError.NotFound("product", id);
        var before = product.DeepClone().AsObject();
        Apply(data, product, input);
        if (product["name"] is null || string.IsNullOrWhiteSpace(product["name"]!.ToString())) throw MoySkladError.Required("name");
        var changed = input.Select(p => p.Key).Where(k => !JsonNode.DeepEquals(before[k], product[k])).ToList();
        if (changed.Count == 0) return product;
        product["updated"] = MoySkladTime.Format(clock.GetUtcNow());
        webhooks.Notify(data, "product", id, "UPDATE", suppressed, changed);
        return product;
    }

    public void Delete(MoySkladAccountData data, string id, IReadOnlyList<string> suppressed)
    {
        if (!data.Products.Remove(id)) throw MoySkladError.NotFound("product", id);
        data.Stock.Remove(id);
        webhooks.Notify(data, "product", id, "DELETE", suppressed, null);
    }

    private static void Apply(MoySkladAccountData data, JsonObject product, JsonObject input)
    {
        foreach (var (key, value) in input)
        {
            if (ReadOnly.Contains(key)) continue;
            switch (key)
            {
                case "salePrices":
                    MergeBy(product, key, value, p => p?["priceType"]?["meta"]?["href"]?.ToString(), p => CompletePrice(data, p));
                    break;
                case "attributes":
                    MergeAttributes(product, value, data.ProductAttributes);
                    break;
                default:
                    if (value is null) product.Remove(key);
                    else product[key] = value.DeepClone();
                    break;
            }
        }
    }

    /// <summary>Attribute values merged by attribute id (a PUT changes only the attributes it names), checked against the entity type's definitions.</summary>
    internal static void MergeAttributes(JsonObject entity, JsonNode? value, IReadOnlyList<JsonObject> definitions) =>
        MergeBy(entity, "attributes", value, a => a?["id"]?.ToString() ?? a?["meta"]?["href"]?.ToString().Split('/')[^1], a => CompleteAttribute(definitions, a));

    private static void MergeBy(JsonObject product, string key, JsonNode? value, Func<JsonNode?, string?> keyOf, Func<JsonObject, JsonObject> complete)
    {
        var list = product[key] as JsonArray ?? [];
        foreach (var item in value as JsonArray ?? [])
        {
            var full = complete(item!.DeepClone().AsObject());
            var existing = list.FirstOrDefault(x => keyOf(x) == keyOf(full));
            if (existing is not null) list[list.IndexOf(existing)] = full;
            else list.Add(full);
        }
        product[key] = list.DeepClone();
    }

    private static JsonObject CompletePrice(MoySkladAccountData data, JsonObject price)
    {
        var href = price["priceType"]?["meta"]?["href"]?.ToString() ?? throw MoySkladError.Required("salePrices.priceType");
        var type = data.PriceTypes.FirstOrDefault(t => t["meta"]!["href"]!.ToString() == href)
            ?? throw new MoySkladError(412, 2010, $"Неизвестный тип цены '{href}'", "salePrices");
        if (price["value"] is null) throw MoySkladError.Required("salePrices.value");
        return new JsonObject
        {
            ["value"] = price["value"]!.DeepClone(),
            ["currency"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("currency", MoySkladSeedData.RoubleId) },
            ["priceType"] = type.DeepClone(),
        };
    }

    private static JsonObject CompleteAttribute(IReadOnlyList<JsonObject> definitions, JsonObject attribute)
    {
        var id = attribute["id"]?.ToString() ?? attribute["meta"]?["href"]?.ToString().Split('/')[^1];
        var definition = definitions.FirstOrDefault(a => a["id"]!.ToString() == id)
            ?? throw new MoySkladError(412, 2010, $"Неизвестное доп. поле '{id}'", "attributes");
        return new JsonObject
        {
            ["meta"] = definition["meta"]!.DeepClone(),
            ["id"] = id,
            ["name"] = definition["name"]!.DeepClone(),
            ["type"] = definition["type"]!.DeepClone(),
            ["value"] = attribute["value"]?.DeepClone(),
        };
    }

    private static string RandomCode() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y')[..22];
}
