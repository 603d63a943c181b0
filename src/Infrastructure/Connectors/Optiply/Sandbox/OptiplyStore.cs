using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>A stored resource: its id and its attributes in read form (without the write-only orderLines).</summary>
internal sealed record OptiplyRecord(string Type, long Id, JsonObject Attributes);

/// <summary>
/// The emulator's data: per account, per resource type, by id. One lock keeps writes with their checks
/// (references, unique pairs, cascades) atomic, as Optiply's database does.
/// </summary>
internal sealed class OptiplyStore(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, SortedDictionary<long, JsonObject>>> _accounts = new(StringComparer.Ordinal);
    // Ids are a single increasing sequence, never reused (like database ids), so a stale id is never someone else's record.
    private long _lastId = 28_660_000;

    public void Reset()
    {
        lock (_lock) _accounts.Clear();
    }

    public void Clear(string account)
    {
        lock (_lock) _accounts.Remove(account);
    }

    public IReadOnlyList<OptiplyRecord> All(string account, string type)
    {
        lock (_lock)
            return Table(account, type).Select(p => new OptiplyRecord(type, p.Key, (JsonObject)p.Value.DeepClone())).ToList();
    }

    public OptiplyRecord Get(string account, OptiplyResourceType type, long id)
    {
        lock (_lock)
            return Table(account, type.Name).TryGetValue(id, out var attributes)
                ? new OptiplyRecord(type.Name, id, (JsonObject)attributes.DeepClone())
                : throw NotFound(type.Name, id);
    }

    public (IReadOnlyList<OptiplyRecord> Page, int Total) List(string account, OptiplyResourceType type, OptiplyListQuery query, string? coupling)
    {
        lock (_lock)
        {
            IEnumerable<KeyValuePair<long, JsonObject>> rows = Table(account, type.Name).Where(p => query.Matches(p.Key, p.Value, coupling));
            IOrderedEnumerable<KeyValuePair<long, JsonObject>>? ordered = null;
            foreach (var (attribute, descending) in query.Sort)
            {
                Func<KeyValuePair<long, JsonObject>, JsonNode?> key = p => OptiplyListQuery.Value(p.Key, p.Value, attribute);
                var comparer = Comparer<JsonNode?>.Create(OptiplyListQuery.CompareStored);
                ordered = ordered is null
                    ? descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer)
                    : descending ? ordered.ThenByDescending(key, comparer) : ordered.ThenBy(key, comparer);
            }
            var all = (ordered?.ThenBy(p => p.Key) ?? rows).ToList();
            var page = all.Skip(query.Offset).Take(query.Limit)
                .Select(p => new OptiplyRecord(type.Name, p.Key, (JsonObject)p.Value.DeepClone())).ToList();
            return (page, all.Count);
        }
    }

    /// <summary>Validates and stores a new resource (and the lines nested in an order), returning its id.</summary>
    public long Create(string account, OptiplyResourceType type, JsonObject input, string? coupling, bool fromApi)
    {
        lock (_lock)
        {
            var attributes = Validate(account, type, input, existing: null, path: "");
            var lines = type.Attributes.FirstOrDefault(a => a.Lines is not null) is { } lineAttribute
                ? ValidateLines(account, lineAttribute, input[lineAttribute.Name])
                : [];
            if (type == OptiplyResourceTypes.BuyOrders && attributes["expectedDeliveryDate"] is null)
                attributes["expectedDeliveryDate"] = DefaultDeliveryDate(account, attributes);

            var id = Insert(account, type, attributes, input, coupling, fromApi);
            foreach (var (lineType, parent, line, lineInput) in lines)
            {
                line[parent] = id;
                if (lineType == OptiplyResourceTypes.BuyOrderLines && line["expectedDeliveryDate"] is null)
                    line["expectedDeliveryDate"] = attributes["expectedDeliveryDate"]?.DeepClone();
                Insert(account, lineType, line, lineInput, coupling, fromApi);
            }
            return id;
        }
    }

    /// <summary>Applies a partial update: only the attributes sent change.</summary>
    public void Update(string account, OptiplyResourceType type, long id, JsonObject input, string? coupling)
    {
        lock (_lock)
        {
            var table = Table(account, type.Name);
            if (!table.TryGetValue(id, out var stored)) throw NotFound(type.Name, id);
            var changes = Validate(account, type, input, stored, path: "");
            // Changed on a copy, so a refused update leaves the record as it was.
            var updated = (JsonObject)stored.DeepClone();
            foreach (var (name, value) in changes) updated[name] = value?.DeepClone();
            CheckUnique(account, type, updated, id);
            if (type == OptiplyResourceTypes.SupplierProducts) KeepOnePreferred(account, updated, id);
            SetRemoteId(updated, input, coupling);
            updated["updatedAt"] = OptiplyValues.FormatDate(clock.GetUtcNow());
            table[id] = updated;
        }
    }

    /// <summary>Deletes a resource and what hangs on it (buy order -> lines -> receipt lines).</summary>
    public void Delete(string account, OptiplyResourceType type, long id)
    {
        lock (_lock)
        {
            if (!Table(account, type.Name).Remove(id)) throw NotFound(type.Name, id);
            foreach (var (childType, attribute) in type.Cascade)
            {
                var children = Table(account, childType).Where(p => (long?)p.Value[attribute] == id).Select(p => p.Key).ToList();
                foreach (var child in children) Delete(account, OptiplyResourceTypes.All[childType], child);
            }
        }
    }

    private long Insert(string account, OptiplyResourceType type, JsonObject attributes, JsonObject input, string? coupling, bool fromApi)
    {
        CheckUnique(account, type, attributes, id: null);
        if (type == OptiplyResourceTypes.ProductCompositions) CheckNoCycle(account, attributes);
        var id = ++_lastId;
        var now = OptiplyValues.FormatDate(clock.GetUtcNow());
        attributes["accountId"] = long.TryParse(account, out var numeric) ? numeric : account;
        attributes["uuid"] = Uuid(type.Name, id);
        attributes["createdFromPublicApi"] = fromApi;
        attributes["createdAt"] = now;
        attributes["updatedAt"] = now;
        attributes["remoteIdMap"] = new JsonObject();
        if (type == OptiplyResourceTypes.Products) attributes["novel"] = true;
        if (type == OptiplyResourceTypes.BuyOrderLines)
            attributes["productUuid"] = Uuid("products", (long)attributes["productId"]!);
        SetRemoteId(attributes, input, coupling);
        if (type == OptiplyResourceTypes.SupplierProducts) KeepOnePreferred(account, attributes, id);
        Table(account, type.Name)[id] = attributes;
        return id;
    }

    /// <param name="exempt">A required attribute filled in later (a nested line's order id).</param>
    private JsonObject Validate(string account, OptiplyResourceType type, JsonObject input, JsonObject? existing, string path, string? exempt = null)
    {
        var result = new JsonObject();
        foreach (var (name, value) in input)
        {
            // Read-only and unknown attributes are ignored, as Optiply's API does (writers send e.g. accountId).
            if (type.Attribute(name) is not { } attribute || attribute.Kind == AttributeKind.OrderLines) continue;
            var (normalized, error) = attribute.Normalize(value, path + name);
            if (error is not null) throw new OptiplyError(400, error);
            if (attribute.Kind == AttributeKind.Reference)
                RequireExists(account, attribute.Target!, (long)normalized!, path + name);
            result[name] = normalized;
        }
        if (existing is null)
            foreach (var attribute in type.Attributes.Where(a => a.Required && !result.ContainsKey(a.Name) && a.Name != exempt))
                throw new OptiplyError(400, $"{path}{attribute.Name} must not be null");
        return result;
    }

    private List<(OptiplyResourceType Type, string Parent, JsonObject Line, JsonObject Input)> ValidateLines(string account, OptiplyAttribute attribute, JsonNode? value)
    {
        var lines = new List<(OptiplyResourceType, string, JsonObject, JsonObject)>();
        if (value is null || value.GetValueKind() == JsonValueKind.Null) return lines;
        if (value is not JsonArray items) throw new OptiplyError(400, $"{attribute.Name} must be a list of order lines");
        var (lineTypeName, parent) = attribute.Lines!.Value;
        var lineType = OptiplyResourceTypes.All[lineTypeName];
        for (var i = 0; i < items.Count; i++)
        {
            // Older writers wrap each line as {"type":..,"attributes":{..}}; newer ones send flat objects.
            var item = items[i] as JsonObject ?? throw new OptiplyError(400, $"{attribute.Name}[{i}] must be an object");
            var input = item["attributes"] as JsonObject ?? item;
            lines.Add((lineType, parent, Validate(account, lineType, input, existing: null, path: $"{attribute.Name}[{i}].", exempt: parent), input));
        }
        return lines;
    }

    private void RequireExists(string account, string type, long id, string field)
    {
        if (!Table(account, type).ContainsKey(id))
            throw new OptiplyError(404, $"{field}: {Singular(type)} with id {id} does not exist");
    }

    private void CheckUnique(string account, OptiplyResourceType type, JsonObject attributes, long? id)
    {
        foreach (var (first, second) in type.UniquePairs)
        {
            var a = (long?)attributes[first];
            var b = (long?)attributes[second];
            if (Table(account, type.Name).Any(p => p.Key != id && (long?)p.Value[first] == a && (long?)p.Value[second] == b))
                throw new OptiplyError(409, $"A {Singular(type.Name)} with {first} {a} and {second} {b} already exists");
        }
    }

    // Optiply's database refuses a composition whose part is already composed of the product it would be part of.
    private void CheckNoCycle(string account, JsonObject attributes)
    {
        var composed = (long)attributes["composedProductId"]!;
        var part = (long)attributes["partProductId"]!;
        if (composed == part || Table(account, "productCompositions").Values.Any(c => (long?)c["composedProductId"] == part && (long?)c["partProductId"] == composed))
            throw new OptiplyError(400, $"partProductId: product {part} cannot be a part of product {composed}, because {composed} is already a part of {part}");
    }

    private void KeepOnePreferred(string account, JsonObject attributes, long id)
    {
        if (attributes["preferred"]?.GetValue<bool>() != true) return;
        var product = (long?)attributes["productId"];
        foreach (var (otherId, other) in Table(account, "supplierProducts"))
            if (otherId != id && (long?)other["productId"] == product) other["preferred"] = false;
    }

    private JsonNode? DefaultDeliveryDate(string account, JsonObject order)
    {
        var supplier = Table(account, "suppliers").GetValueOrDefault((long)order["supplierId"]!);
        if (supplier?["deliveryTime"] is not { } days || !OptiplyValues.TryDate((string)order["placed"]!, out var placed)) return null;
        return OptiplyValues.FormatDate(placed.AddDays((long)days));
    }

    // remoteId is written per coupling (integration instance) and read back as remoteIdMap {coupling: remoteId}.
    private static void SetRemoteId(JsonObject attributes, JsonObject input, string? coupling)
    {
        if (!input.TryGetPropertyValue("remoteId", out var remoteId)) return;
        var map = attributes["remoteIdMap"] as JsonObject ?? new JsonObject();
        var key = coupling ?? "0";
        if (remoteId is null || remoteId.GetValueKind() == JsonValueKind.Null) map.Remove(key);
        else map[key] = remoteId.GetValueKind() == JsonValueKind.String ? remoteId.GetValue<string>() : remoteId.ToJsonString();
        attributes["remoteIdMap"] = map;
    }

    private SortedDictionary<long, JsonObject> Table(string account, string type)
    {
        if (!_accounts.TryGetValue(account, out var tables)) _accounts[account] = tables = new(StringComparer.Ordinal);
        if (!tables.TryGetValue(type, out var table)) tables[type] = table = new();
        return table;
    }

    public static OptiplyError NotFound(string type, long id) => new(404, $"{Singular(type)} with id {id} not found");

    public static string Singular(string type) => type.EndsWith('s') ? type[..^1] : type;

    private static string Uuid(string type, long id) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{type}:{id}"))).ToString();
}
