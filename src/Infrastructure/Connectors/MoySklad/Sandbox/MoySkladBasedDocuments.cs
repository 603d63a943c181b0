using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// A document MoySklad makes "on the basis" of another (its documents' templates): a demand from a customer order, a
/// sales return from a demand. <see cref="BackLink"/> is the basis's list of the documents made from it.
/// </summary>
/// <param name="Remaining">The template holds what is left to ship of the basis (a demand), not all of it (an invoice).</param>
internal sealed record BasedKind(string Type, string BasisKey, string BasisType, string BackLink, int StockSign, IReadOnlySet<string> Keys, IReadOnlySet<string> PositionKeys,
    bool Remaining = false)
{
    // Writable keys of demand.yaml and salesReturn.yaml (MoySklad's OpenAPI specification) and of their positions.
    private static readonly string[] CommonKeys =
    [
        "name", "description", "code", "externalCode", "moment", "applicable", "organization", "organizationAccount", "agent", "agentAccount",
        "store", "state", "owner", "group", "shared", "contract", "project", "salesChannel", "rate", "vatEnabled", "vatIncluded", "attributes",
        "positions", "syncId", "files",
    ];
    private static readonly string[] CommonPositionKeys = ["id", "meta", "assortment", "quantity", "price", "discount", "vat", "vatEnabled", "pack", "country", "gtd", "things"];

    public static readonly BasedKind Demand = new("demand", "customerOrder", "customerorder", "demands", -1,
        new HashSet<string>([.. CommonKeys, "customerOrder", "overhead", "shipmentAddress", "shipmentAddressFull", "cargoName", "carrier", "consignee",
            "goodPackQuantity", "shippingInstructions", "transportFacility", "transportFacilityNumber", "stateContractId"]),
        new HashSet<string>([.. CommonPositionKeys, "overhead", "trackingCodes"]), Remaining: true);

    public static readonly BasedKind SalesReturn = new("salesreturn", "demand", "demand", "returns", +1,
        new HashSet<string>([.. CommonKeys, "demand"]), new HashSet<string>([.. CommonPositionKeys, "cost"]));

    public static readonly BasedKind InvoiceOut = new("invoiceout", "customerOrder", "customerorder", "invoicesOut", 0,
        new HashSet<string>([.. CommonKeys, "customerOrder", "paymentPlannedMoment"]), new HashSet<string>(CommonPositionKeys));

    public static BasedKind? Of(string type) => type switch { "demand" => Demand, "salesreturn" => SalesReturn, "invoiceout" => InvoiceOut, _ => null };
}

/// <summary>
/// Demands and sales returns: <c>PUT /entity/{type}/new</c> answers an unsaved document filled from its basis (no id,
/// positions as <c>{"rows":[…]}</c>); <c>POST /entity/{type}</c> saves it (organization, agent and store required, keys
/// outside the entity refused, the basis linked both ways). A posted demand takes its goods off stock, a posted return
/// puts them back, and a demand counts as shipped on its order's positions.
/// </summary>
internal sealed class MoySkladBasedDocuments(MoySkladDocuments documents, TimeProvider clock)
{
    public JsonObject Template(MoySkladAccountData data, BasedKind kind, JsonObject input)
    {
        foreach (var (key, _) in input)
            if (key != kind.BasisKey) throw MoySkladError.UnknownField(key);
        var template = new JsonObject
        {
            ["shared"] = false, ["moment"] = MoySkladTime.Format(clock.GetUtcNow()), ["applicable"] = true, ["sum"] = 0,
            ["store"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("store", data.Stores.Keys.First()) },
            ["organization"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("organization", data.Organizations.Keys.First()) },
            ["vatEnabled"] = false, ["vatIncluded"] = true,
        };
        var rows = new JsonArray();
        if (input[kind.BasisKey] is { } reference)
        {
            var basisId = IdOf(reference, kind.BasisKey);
            var basis = Basis(data, kind).GetValueOrDefault(basisId) ?? throw new MoySkladError(412, 2010, $"Неверная ссылка в поле '{kind.BasisKey}'", kind.BasisKey);
            foreach (var field in new[] { "organization", "agent", "store", "vatEnabled", "vatIncluded", "contract", "project", "salesChannel" })
                if (basis[field] is { } value) template[field] = value.DeepClone();
            template[kind.BasisKey] = new JsonObject { ["meta"] = MoySkladAccountData.Meta(kind.BasisType, basisId) };
            foreach (var position in BasisPositions(data, kind, basisId))
            {
                // An order's template holds what is still to ship; a demand's return template holds what was shipped.
                var quantity = Number(position["quantity"]) - (kind.Remaining ? Number(position["shipped"]) : 0);
                if (quantity <= 0) continue;
                var row = new JsonObject
                {
                    ["quantity"] = quantity, ["price"] = position["price"]!.DeepClone(), ["discount"] = position["discount"]?.DeepClone() ?? 0,
                    ["vat"] = position["vat"]?.DeepClone() ?? 0, ["vatEnabled"] = position["vatEnabled"]?.DeepClone() ?? false,
                    ["assortment"] = position["assortment"]!.DeepClone(),
                };
                if (kind == BasedKind.Demand) row["overhead"] = 0;
                rows.Add(row);
            }
            template["sum"] = rows.Sum(r => Number(r!["price"]) * Number(r["quantity"]));
        }
        template["positions"] = new JsonObject { ["rows"] = rows };
        if (kind == BasedKind.Demand) template["payedSum"] = 0;
        return template;
    }

    public JsonObject Create(MoySkladAccountData data, BasedKind kind, JsonObject input)
    {
        var all = data.Collection(kind.Type)!;
        var copy = documents.New(data, kind.Type);
        copy["name"] = (all.Count + 1).ToString("D5", CultureInfo.InvariantCulture);
        copy["moment"] = MoySkladTime.Format(clock.GetUtcNow());
        copy["applicable"] = true;
        copy["vatEnabled"] = false;
        input = input.DeepClone().AsObject();
        // Sent as a plain array, or as the template's {"rows": [...]}.
        var positions = input["positions"] is JsonObject metaArray ? metaArray["rows"] as JsonArray ?? [] : input["positions"] as JsonArray ?? [];
        input.Remove("positions");
        MoySkladDocuments.Apply(copy, input, kind.Keys, kind.Type);
        MoySkladDocuments.Reference(data.Organizations, copy["organization"], "organization");
        MoySkladDocuments.Reference(data.Counterparties, copy["agent"], "agent");
        // An invoice moves no goods: its store is optional (demand.yaml and salesReturn.yaml require one).
        if (kind.StockSign != 0 || copy["store"] is not null) MoySkladDocuments.Reference(data.Stores, copy["store"], "store");
        string? basisId = null;
        if (copy[kind.BasisKey] is { } reference)
        {
            basisId = IdOf(reference, kind.BasisKey);
            if (!Basis(data, kind).ContainsKey(basisId)) throw new MoySkladError(412, 2010, $"Неверная ссылка в поле '{kind.BasisKey}'", kind.BasisKey);
            copy[kind.BasisKey] = new JsonObject { ["meta"] = MoySkladAccountData.Meta(kind.BasisType, basisId) };
        }
        var id = copy["id"]!.ToString();
        var rows = Positions(data, kind, id, positions);
        var applicable = copy["applicable"]?.GetValue<bool>() == true && kind.StockSign != 0;
        foreach (var row in rows)
        {
            if (!applicable) continue;
            var stock = data.StockOf(ProductId(row));
            stock.Stock += kind.StockSign * Number(row["quantity"]);
            stock.Changed = clock.GetUtcNow();
        }
        data.DocumentPositions[id] = rows;
        copy["sum"] = rows.Sum(p => Number(p["price"]) * Number(p["quantity"]));
        copy["positions"] = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["href"] = $"{MoySkladAccountData.Host}/entity/{kind.Type}/{id}/positions", ["type"] = $"{kind.Type}position",
                ["mediaType"] = "application/json", ["size"] = rows.Count, ["limit"] = 1000, ["offset"] = 0,
            },
        };
        if (basisId is not null) LinkBasis(data, kind, basisId, id, applicable ? rows : []);
        return all[id] = documents.Touch(copy);
    }

    /// <summary>
    /// PUT of a saved document (invoices are updated; demands and returns the hub makes once): the keys sent change,
    /// <c>positions</c> when sent replace the document's positions as a whole.
    /// </summary>
    public JsonObject Update(MoySkladAccountData data, BasedKind kind, string id, JsonObject input)
    {
        var all = data.Collection(kind.Type)!;
        var copy = (all.GetValueOrDefault(id) ?? throw MoySkladError.NotFound(kind.Type, id)).DeepClone().AsObject();
        if (kind.StockSign != 0 && input["positions"] is not null)
            throw new MoySkladError(405, 1005, $"Замена позиций документа '{kind.Type}' эмулятором не поддерживается");
        input = input.DeepClone().AsObject();
        var positions = input["positions"] is JsonObject metaArray ? metaArray["rows"] as JsonArray ?? [] : input["positions"] as JsonArray;
        input.Remove("positions");
        MoySkladDocuments.Apply(copy, input, kind.Keys, kind.Type);
        MoySkladDocuments.Reference(data.Organizations, copy["organization"], "organization");
        MoySkladDocuments.Reference(data.Counterparties, copy["agent"], "agent");
        if (positions is not null)
        {
            var rows = Positions(data, kind, id, positions);
            data.DocumentPositions[id] = rows;
            copy["sum"] = rows.Sum(p => Number(p["price"]) * Number(p["quantity"]));
            copy["positions"]!["meta"]!["size"] = rows.Count;
        }
        return all[id] = documents.Touch(copy);
    }

    /// <summary>The basis lists the new document; an order also counts the demand's goods as shipped.</summary>
    private void LinkBasis(MoySkladAccountData data, BasedKind kind, string basisId, string id, List<JsonObject> rows)
    {
        var basis = Basis(data, kind)[basisId];
        var links = basis[kind.BackLink] as JsonArray ?? [];
        links.Add(new JsonObject { ["meta"] = MoySkladAccountData.Meta(kind.Type, id) });
        basis[kind.BackLink] = links;
        if (kind == BasedKind.Demand)
        {
            var orderRows = data.OrderPositions.GetValueOrDefault(basisId) ?? [];
            foreach (var row in rows)
                if (orderRows.FirstOrDefault(o => ProductId(o) == ProductId(row)) is { } ordered)
                    ordered["shipped"] = Number(ordered["shipped"]) + Number(row["quantity"]);
            basis["shippedSum"] = orderRows.Sum(p => Number(p["price"]) * Number(p["shipped"]));
        }
        documents.Touch(basis);
    }

    private static List<JsonObject> Positions(MoySkladAccountData data, BasedKind kind, string documentId, JsonArray input)
    {
        var rows = new List<JsonObject>();
        foreach (var item in input)
        {
            var position = item as JsonObject ?? throw MoySkladError.BadJson("Позиция должна быть объектом");
            foreach (var (key, _) in position)
                if (!kind.PositionKeys.Contains(key)) throw MoySkladError.UnknownField($"positions.{key}");
            var href = position["assortment"]?["meta"]?["href"]?.ToString() ?? throw MoySkladError.Required("positions.assortment");
            var productId = href[(href.LastIndexOf('/') + 1)..];
            if (!data.Products.ContainsKey(productId)) throw new MoySkladError(412, 2010, $"Неверная ссылка на товар '{href}'", "positions.assortment");
            var id = Guid.NewGuid().ToString("D");
            rows.Add(new JsonObject
            {
                ["meta"] = new JsonObject
                {
                    ["href"] = $"{MoySkladAccountData.Host}/entity/{kind.Type}/{documentId}/positions/{id}", ["type"] = $"{kind.Type}position", ["mediaType"] = "application/json",
                },
                ["id"] = id,
                ["accountId"] = data.AccountId,
                ["quantity"] = position["quantity"]?.GetValue<decimal>() ?? throw MoySkladError.Required("positions.quantity"),
                ["price"] = position["price"]?.GetValue<decimal>() ?? 0,
                ["discount"] = position["discount"]?.GetValue<decimal>() ?? 0,
                ["vat"] = position["vat"]?.GetValue<int>() ?? 0,
                ["vatEnabled"] = false,
                ["assortment"] = new JsonObject { ["meta"] = MoySkladAccountData.Meta("product", productId) },
            });
        }
        return rows;
    }

    private static Dictionary<string, JsonObject> Basis(MoySkladAccountData data, BasedKind kind) => data.Collection(kind.BasisType)!;

    private static IReadOnlyList<JsonObject> BasisPositions(MoySkladAccountData data, BasedKind kind, string basisId) =>
        (kind.BasisType == "customerorder" ? data.OrderPositions.GetValueOrDefault(basisId) : data.DocumentPositions.GetValueOrDefault(basisId)) ?? [];

    /// <summary>A number however it was stored (whole numbers are kept as int, prices as decimal); absent is 0.</summary>
    private static decimal Number(JsonNode? value) =>
        value is null ? 0 : decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string IdOf(JsonNode reference, string field)
    {
        var href = reference["meta"]?["href"]?.ToString() ?? throw MoySkladError.Required(field);
        return href[(href.LastIndexOf('/') + 1)..];
    }

    private static string ProductId(JsonObject position)
    {
        var href = position["assortment"]!["meta"]!["href"]!.ToString();
        return href[(href.LastIndexOf('/') + 1)..];
    }
}
