using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>The emulated endpoints. Paths and fields GG has not published (suppliers, purchase orders) live here only.</summary>
internal sealed class GgApi(GoedGepicktSandbox sandbox)
{
    public const int MaxPerPage = 100;
    public static readonly string[] WebhookEvents = ["product.stockChanged", "product.updated", "order.statusChanged"];

    public void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/webshops", (HttpContext http) => List(http, c => sandbox.Read(c.Account, a => a.Webshops.Values.ToList())));
        v1.MapGet("/products", (HttpContext http) => List(http, c => sandbox.Read(c.Account, a => a.Products.Values.Where(p => Matches(http, c, p)).ToList())));
        v1.MapGet("/products/{uuid}", (HttpContext http, string uuid) => One(http, c => sandbox.Read(c.Account, a => a.Products.GetValueOrDefault(uuid)), "Product"));
        v1.MapGet("/orders", (HttpContext http) => List(http, c => sandbox.Read(c.Account, a => a.Orders.Values.Where(o => Matches(http, c, o) && OrderMatches(http, o)).ToList())));
        v1.MapGet("/orders/{uuid}", (HttpContext http, string uuid) => One(http, c => sandbox.Read(c.Account, a => a.Orders.GetValueOrDefault(uuid)), "Order"));
        // A supplier cannot be tied to a fulfilment customer, so a fulfilment key sees none.
        v1.MapGet("/suppliers", (HttpContext http) => List(http, c => c.FulfilmentCustomer is null ? sandbox.Read(c.Account, a => a.Suppliers.Values.ToList()) : []));
        v1.MapGet("/purchaseorders", (HttpContext http) => List(http, c => sandbox.Read(c.Account, a => a.PurchaseOrders.Values.ToList())));
        v1.MapGet("/purchaseorders/{uuid}", (HttpContext http, string uuid) => One(http, c => sandbox.Read(c.Account, a => a.PurchaseOrders.GetValueOrDefault(uuid)), "Purchase order"));
        v1.MapPost("/purchaseorders", (Func<HttpContext, Task<IResult>>)CreatePurchaseOrder);
        v1.MapGet("/webhooks", (HttpContext http) => List(http, c => sandbox.Read(c.Account, a => a.Webhooks.Values.ToList())));
        v1.MapPost("/webhooks", (Func<HttpContext, Task<IResult>>)CreateWebhook);
        // Assumed (GG documents listing and registering only): DELETE /webhooks/{webhookUuid}, 200 {message}, 404 when unknown.
        v1.MapDelete("/webhooks/{uuid}", (HttpContext http, string uuid) => sandbox.Read(Caller(http).Account, a => a.Webhooks.Remove(uuid))
            ? Results.Json(new { message = "Webhook deleted" })
            : Results.Json(new { message = "Webhook not found" }, statusCode: StatusCodes.Status404NotFound));
    }

    private static GgCaller Caller(HttpContext http) => (GgCaller)http.Items[GoedGepicktSandbox.CallerKey]!;

    private static IResult List(HttpContext http, Func<GgCaller, List<JsonObject>> read)
    {
        var query = http.Request.Query;
        var page = int.TryParse(query["page"], out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(query["perPage"], out var pp) && pp > 0 ? Math.Min(pp, MaxPerPage) : 25;
        var all = read(Caller(http));
        var items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode)i.DeepClone()).ToArray());
        return Results.Json(new JsonObject
        {
            ["items"] = items,
            ["pageInfo"] = new JsonObject
            {
                ["totalItems"] = all.Count, ["itemsPerPage"] = perPage, ["currentPage"] = page,
                ["lastPage"] = Math.Max(1, (all.Count + perPage - 1) / perPage),
            },
        });
    }

    private static IResult One(HttpContext http, Func<GgCaller, JsonObject?> read, string what)
    {
        var caller = Caller(http);
        var found = read(caller);
        if (found is null || !Visible(caller, found))
            return Results.Json(new { message = $"{what} not found" }, statusCode: StatusCodes.Status404NotFound);
        return Results.Json(found.DeepClone());
    }

    /// <summary>A fulfilment key only ever sees its own customer's records.</summary>
    private static bool Visible(GgCaller caller, JsonObject record) =>
        caller.FulfilmentCustomer is null || !record.ContainsKey("fulfilmentCustomerUuid")
        || string.Equals(record["fulfilmentCustomerUuid"]?.ToString(), caller.FulfilmentCustomer, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(HttpContext http, GgCaller caller, JsonObject record)
    {
        var query = http.Request.Query;
        if (!Visible(caller, record)) return false;
        if (query["webshopUuid"] is { Count: > 0 } shop && !string.Equals(record["webshopUuid"]?.ToString(), shop, StringComparison.OrdinalIgnoreCase)) return false;
        if (query["fulfilmentCustomerUuid"] is { Count: > 0 } customer && !string.Equals(record["fulfilmentCustomerUuid"]?.ToString(), customer, StringComparison.OrdinalIgnoreCase)) return false;
        if (query["searchAttribute"] == "sku" && query["searchValue"] is { Count: > 0 } sku && record["sku"]?.ToString() != sku) return false;
        return true;
    }

    private static bool OrderMatches(HttpContext http, JsonObject order)
    {
        var query = http.Request.Query;
        var status = query["status"].FirstOrDefault() ?? query["orderstatus"].FirstOrDefault();
        if (status is not null && order["status"]?.ToString() != status) return false;
        if (DateOnly.TryParseExact(query["createdAfter"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var after)
            && DateTimeOffset.Parse(order["createDate"]!.ToString(), CultureInfo.InvariantCulture) < new DateTimeOffset(after.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            return false;
        return true;
    }

    private async Task<IResult> CreatePurchaseOrder(HttpContext http)
    {
        var caller = Caller(http);
        if (await BodyAsync(http, ["reference", "supplierUuid", "lines"]) is not { } body) return Invalid("body", "The body must be a JSON object of reference, supplierUuid and lines.");
        if (body.Error is { } error) return error;
        var input = body.Json;
        if (input["lines"] is not JsonArray { Count: > 0 } lines) return Invalid("lines", "The lines field is required.");
        var stored = new JsonArray();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not JsonObject line || line.Any(p => p.Key is not ("sku" or "quantity")))
                return Invalid($"lines.{i}", "A line has sku and quantity only.");
            var sku = line["sku"]?.ToString();
            var product = sandbox.Read(caller.Account, a => a.Products.Values.FirstOrDefault(p => p["sku"]?.ToString() == sku));
            if (product is null) return Invalid($"lines.{i}.sku", $"The selected lines.{i}.sku is invalid.");
            if (line["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var quantity) || quantity < 1) return Invalid($"lines.{i}.quantity", $"The lines.{i}.quantity must be at least 1.");
            stored.Add(new JsonObject { ["uuid"] = GgAccount.NewUuid(), ["productUuid"] = product["uuid"]!.ToString(), ["sku"] = sku, ["quantity"] = quantity, ["receivedQuantity"] = 0 });
        }
        var supplier = input["supplierUuid"]?.ToString();
        if (supplier is not null && sandbox.Read(caller.Account, a => !a.Suppliers.ContainsKey(supplier)))
            return Invalid("supplierUuid", "The selected supplier uuid is invalid.");
        var order = new JsonObject
        {
            ["uuid"] = GgAccount.NewUuid(), ["reference"] = input["reference"]?.ToString(), ["supplierUuid"] = supplier,
            ["status"] = "open", ["createDate"] = sandbox.Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["lines"] = stored,
        };
        sandbox.Write(caller.Account, a => a.PurchaseOrders[order["uuid"]!.ToString()] = order);
        return Results.Json(new JsonObject { ["message"] = "Purchase order created", ["purchaseOrderUuid"] = order["uuid"]!.ToString() });
    }

    private async Task<IResult> CreateWebhook(HttpContext http)
    {
        var caller = Caller(http);
        if (await BodyAsync(http, ["webhookEvent", "targetUrl", "webshopUuid"]) is not { } body) return Invalid("body", "The body must be a JSON object.");
        if (body.Error is { } error) return error;
        var input = body.Json;
        var @event = input["webhookEvent"]?.ToString();
        if (!WebhookEvents.Contains(@event)) return Invalid("webhookEvent", "The selected webhook event is invalid.");
        if (!Uri.TryCreate(input["targetUrl"]?.ToString(), UriKind.Absolute, out var target)) return Invalid("targetUrl", "The target url must be a valid URL.");
        var shop = input["webshopUuid"]?.ToString();
        var webshop = shop is null ? null : sandbox.Read(caller.Account, a => a.Webshops.GetValueOrDefault(shop));
        if (shop is not null && webshop is null) return Invalid("webshopUuid", "The selected webshop uuid is invalid.");
        var hook = new JsonObject
        {
            ["webhookUuid"] = GgAccount.NewUuid(), ["webhookEvent"] = @event, ["webhookSecret"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)),
            ["targetUrl"] = target.ToString(), ["webshopName"] = webshop?["name"]?.ToString(), ["webshopUuid"] = shop,
        };
        sandbox.Write(caller.Account, a => a.Webhooks[hook["webhookUuid"]!.ToString()] = hook);
        return Results.Json(hook);
    }

    private sealed record Body(JsonObject Json, IResult? Error);

    /// <summary>The JSON body; a field GG does not take is refused with Laravel's 422 shape, naming it.</summary>
    private static async Task<Body?> BodyAsync(HttpContext http, string[] allowed)
    {
        JsonObject? json;
        try { json = await JsonNode.ParseAsync(http.Request.Body) as JsonObject; }
        catch (JsonException) { return null; }
        if (json is null) return null;
        var unknown = json.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
        return new Body(json, unknown is null ? null : Invalid(unknown, $"The {unknown} field is not allowed."));
    }

    private static IResult Invalid(string field, string message) => Results.Json(new JsonObject
    {
        ["message"] = message,
        ["errors"] = new JsonObject { [field] = new JsonArray(message) },
    }, statusCode: StatusCodes.Status422UnprocessableEntity);
}
