using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;

/// <summary>The resources the hub uses: orders (orderExtend) and products, with ShopRenter's filters and paging.</summary>
public sealed partial class ShopRenterSandbox
{
    private const int MaxLimit = 200;

    /// <summary>Bearer token of this shop, the rate limit, then the resource; refusals in ShopRenter's shape.</summary>
    private IResult Handle(HttpContext http, string shop, bool write, Func<ShopRenterShop, IQueryCollection, JsonNode> action)
    {
        var request = http.Request;
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        var owner = Tokens.FromHeader(request.Headers.Authorization.ToString());
        if (owner is null || !owner.StartsWith(shop + "|", StringComparison.Ordinal) || !_shops.TryGetValue(shop, out var s))
            return ShopRenterFormat.Error(request, StatusCodes.Status401Unauthorized, 40101, "Access denied: missing or invalid access token");
        if (!RateLimit.TryTake(owner))
            return TooManyRequests(RateLimit.SecondsLeft(), http);
        if (write && !(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                  && !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return ShopRenterFormat.Error(request, StatusCodes.Status400BadRequest, 40001, "Content-Type must be application/json or multipart/form-data");
        try
        {
            lock (s.Gate) return ShopRenterFormat.Answer(request, action(s, request.Query));
        }
        catch (ShopRenterError e)
        {
            return ShopRenterFormat.Error(request, e.Status, e.Code, e.Message);
        }
    }

    private async Task<IResult> HandleWrite(HttpContext http, string shop, string id)
    {
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(http.Request.Body); }
        catch (JsonException) { body = null; }
        return Handle(http, shop, write: true, (s, query) =>
        {
            // Clients send the object itself; one documented example wraps it in "data": both are accepted.
            var fields = (body as JsonObject)?["data"] as JsonObject ?? body as JsonObject
                         ?? throw new ShopRenterError(400, 40001, "Data parameter not found in POST/PUT!");
            var product = FindProduct(s, id);
            foreach (var (name, value) in fields)
            {
                if (ShopRenterShop.ReadOnlyProductFields.Contains(name)) throw new ShopRenterError(400, 40002, $"Read-only field: {name}");
                if (!ShopRenterShop.WritableProductFields.Contains(name)) throw new ShopRenterError(400, 40005, $"Unknown field: {name}");
                if (name is "price" or "stock1" or "stock2" or "stock3" or "stock4"
                    && !decimal.TryParse(value?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                    throw new ShopRenterError(400, 40005, $"Invalid value for {name}: {value}");
            }
            foreach (var (name, value) in fields)
            {
                var number = decimal.TryParse(value?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
                switch (name)
                {
                    case "price": product.Price = number; break;
                    case "stock1" or "stock2" or "stock3" or "stock4": product.Stock[name[^1] - '1'] = number; break;
                    case "sku": product.Sku = value?.ToString() ?? product.Sku; break;
                    case "status": product.Status = (int)number; break;
                }
            }
            product.Updated = clock.GetUtcNow().UtcDateTime;
            return s.RenderProduct(product, Api(http, shop));
        });
    }

    private JsonNode ListOrders(ShopRenterShop shop, IQueryCollection q, string api)
    {
        IEnumerable<(int InnerId, ShopRenterOrderSeed Seed, DateTime Updated)> orders = shop.Orders.OrderBy(o => o.InnerId);
        // Parsed before filtering, so a bad value is refused even when no order would be compared with it.
        if (q["innerIdMin"] is { Count: > 0 } min && Int("innerIdMin", min!) is var minId) orders = orders.Where(o => o.InnerId >= minId);
        if (q["innerId"] is { Count: > 0 } exact && Int("innerId", exact!) is var id) orders = orders.Where(o => o.InnerId == id);
        if (q["createdAtMin"] is { Count: > 0 } created && DateTimeOf(created!) is var createdMin) orders = orders.Where(o => o.Seed.Created >= createdMin);
        if (q["updatedAtMin"] is { Count: > 0 } updated && DateTimeOf(updated!) is var updatedMin) orders = orders.Where(o => o.Updated >= updatedMin);
        if (q["excludeAbandonedCart"] == "1") orders = orders.Where(o => o.Seed.StatusId != 0);
        return Page(orders.ToList(), q, $"{api}/orderExtend", o => shop.RenderOrder(o.InnerId, o.Seed, o.Updated, api),
            o => $"{api}/orderExtend/{ShopRenterFormat.Id("order", "order_id", o.InnerId)}");
    }

    private static JsonNode OneOrder(ShopRenterShop shop, string id, string api)
    {
        var number = ShopRenterFormat.Number(id, "order");
        var order = shop.Orders.FirstOrDefault(o => o.InnerId == number);
        if (order.Seed is null) throw new ShopRenterError(404, 40401, "Resource not found");
        return shop.RenderOrder(order.InnerId, order.Seed, order.Updated, api);
    }

    private static JsonNode ListProducts(ShopRenterShop shop, IQueryCollection q, string api)
    {
        IEnumerable<ShopRenterShop.Product> products = shop.Products.OrderBy(p => p.InnerId);
        if (q["sku"] is { Count: > 0 } sku) products = products.Where(p => p.Sku == sku.ToString());
        return Page(products.ToList(), q, $"{api}/products", p => shop.RenderProduct(p, api), p => $"{api}/products/{ShopRenterFormat.Id("product", "product_id", p.InnerId)}");
    }

    private static ShopRenterShop.Product FindProduct(ShopRenterShop shop, string id) =>
        shop.Products.FirstOrDefault(p => p.InnerId == ShopRenterFormat.Number(id, "product")) ?? throw new ShopRenterError(404, 40401, "Resource not found");

    /// <summary>0-based pages of at most 200; past the end is 400/40008. Without full=1 only hrefs come back.</summary>
    private static JsonObject Page<T>(List<T> all, IQueryCollection q, string self, Func<T, JsonObject> render, Func<T, string> href)
    {
        var limit = q["limit"] is { Count: > 0 } l ? Int("limit", l!) : 25;
        if (limit is < 1 or > MaxLimit) throw new ShopRenterError(400, 40005, $"limit must be between 1 and {MaxLimit}");
        var page = q["page"] is { Count: > 0 } p ? Int("page", p!) : 0;
        var pageCount = (all.Count + limit - 1) / limit;
        if (page < 0 || page > 0 && page >= pageCount) throw new ShopRenterError(400, 40008, "Page out of range");
        var full = q["full"] == "1";
        var link = (int n) => (JsonNode)new JsonObject { ["href"] = $"{self}?page={n}&limit={limit}{(full ? "&full=1" : "")}" };
        return new JsonObject
        {
            ["href"] = $"{self}?page={page}&limit={limit}", ["offset"] = (page * limit).ToString(CultureInfo.InvariantCulture),
            ["limit"] = limit, ["page"] = page, ["pageCount"] = pageCount,
            ["first"] = link(0), ["previous"] = page > 0 ? link(page - 1) : null,
            ["next"] = page + 1 < pageCount ? link(page + 1) : null, ["last"] = link(Math.Max(0, pageCount - 1)),
            ["items"] = new JsonArray(all.Skip(page * limit).Take(limit)
                .Select(x => (JsonNode?)(full ? render(x) : new JsonObject { ["href"] = href(x) })).ToArray()),
        };
    }

    private static int Int(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ShopRenterError(400, 40005, $"Invalid value for {name}: {text}");

    private static DateTime DateTimeOf(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ShopRenterError(400, 40009, $"Invalid datetime: {text} (use 2013-01-01T10:30:00)");
}
