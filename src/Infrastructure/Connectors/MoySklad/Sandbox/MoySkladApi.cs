using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// The emulator's JSON API routes (/api/remap/1.2): dictionaries, products, the stock report and webhook
/// registration, behind MoySklad's gzip rule, bearer token and request bucket (see <see cref="MoySkladSandbox"/>).
/// </summary>
internal sealed class MoySkladApi(MoySkladSandbox sandbox)
{
    private static readonly HashSet<string> ProductFilterFields =
        ["id", "name", "code", "article", "externalCode", "archived", "updated", "description", "pathName", "syncId"];
    private static readonly HashSet<string> DictionaryFilterFields = ["id", "name", "code", "externalCode", "archived", "updated"];
    private static readonly HashSet<string> CounterpartyFilterFields = [.. DictionaryFilterFields, "email", "phone", "inn", "companyType"];
    private static readonly HashSet<string> EmployeeFilterFields = [.. DictionaryFilterFields, "email", "phone", "firstName", "lastName", "uid"];
    private static readonly HashSet<string> OrderFilterFields = ["id", "name", "externalCode", "updated", "agent", "organization", "store", "applicable"];

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/entity/product", (HttpRequest request) => Answer(request.HttpContext, (d, _) => ListOf(request.HttpContext, d.Products.Values, "product", ProductFilterFields)));
        api.MapGet("/entity/product/metadata/attributes", (HttpRequest request) => Answer(request.HttpContext, (d, _) =>
            MoySkladAnswer.List(request.HttpContext.Request, "/entity/product/metadata/attributes", d.ProductAttributes, 1000, 0, "attributemetadata")));
        api.MapGet("/entity/counterparty/metadata/attributes", (HttpRequest request) => Answer(request.HttpContext, (d, _) =>
            MoySkladAnswer.List(request.HttpContext.Request, "/entity/counterparty/metadata/attributes", d.CounterpartyAttributes, 1000, 0, "attributemetadata")));
        api.MapGet("/entity/{type}/{id:guid}", (string type, Guid id, HttpContext http) => Answer(http, (d, _) =>
            d.Collection(type)?.GetValueOrDefault(Id(id)) ?? throw MoySkladError.NotFound(type, Id(id))));
        api.MapGet("/entity/{type}", (string type, HttpContext http) => Answer(http, (d, _) =>
            d.Collection(type) is { } all && type != "product"
                ? ListOf(http, all.Values, type, type switch { "counterparty" => CounterpartyFilterFields, "customerorder" => OrderFilterFields, "employee" => EmployeeFilterFields, _ => DictionaryFilterFields })
                : throw new MoySkladError(412, 1005, $"Неизвестный тип: '{type}'")));
        api.MapGet("/context/companysettings/pricetype", (HttpRequest request) => Answer(request.HttpContext, (d, _) => new JsonArray(d.PriceTypes.Select(p => p.DeepClone()).ToArray())));
        api.MapPost("/entity/product", (HttpRequest request) => Answer(request.HttpContext, (d, body) => sandbox.Products.Create(d, body!, Suppressed(request.HttpContext)), withBody: true));
        api.MapPut("/entity/product/{id:guid}", (Guid id, HttpContext http) => Answer(http, (d, body) =>
            sandbox.Products.Update(d, Id(id), AsObject(body), Suppressed(http)), withBody: true));
        api.MapDelete("/entity/product/{id:guid}", (Guid id, HttpContext http) => Answer(http, (d, _) =>
        {
            sandbox.Products.Delete(d, Id(id), Suppressed(http));
            return null;
        }));
        api.MapGet("/report/stock/all/current", (HttpRequest request) => Answer(request.HttpContext, (d, _) => StockCurrent(request.HttpContext, d, sandbox.Clock.GetUtcNow())));
        api.MapPost("/entity/{type}", (string type, HttpContext http) => Answer(http, (d, body) =>
            type switch
            {
                "webhook" or "webhookstock" => sandbox.Webhooks.Register(d, type, AsObject(body)),
                "counterparty" => sandbox.Documents.SaveCounterparty(d, null, AsObject(body)),
                "customerorder" => sandbox.Documents.SaveOrder(d, null, AsObject(body)),
                "demand" or "salesreturn" or "invoiceout" => sandbox.Based.Create(d, BasedKind.Of(type)!, AsObject(body)),
                _ => throw new MoySkladError(405, 1005, $"Создание объектов типа '{type}' эмулятором не поддерживается"),
            }, withBody: true));
        api.MapPut("/entity/{type}/{id:guid}", (string type, Guid id, HttpContext http) => Answer(http, (d, body) => type switch
        {
            "counterparty" => sandbox.Documents.SaveCounterparty(d, Id(id), AsObject(body)),
            "customerorder" => sandbox.Documents.SaveOrder(d, Id(id), AsObject(body)),
            "demand" or "salesreturn" or "invoiceout" => sandbox.Based.Update(d, BasedKind.Of(type)!, Id(id), AsObject(body)),
            _ => throw new MoySkladError(405, 1005, $"Изменение объектов типа '{type}' эмулятором не поддерживается"),
        }, withBody: true));
        api.MapPut("/entity/{type}/new", (string type, HttpContext http) => Answer(http, (d, body) =>
            BasedKind.Of(type) is { } kind
                ? sandbox.Based.Template(d, kind, AsObject(body))
                : throw new MoySkladError(405, 1005, $"Шаблоны документов типа '{type}' эмулятором не поддерживаются"), withBody: true));
        api.MapGet("/entity/{type}/metadata/embeddedtemplate", (string type, HttpContext http) => Answer(http, (d, _) =>
            BasedKind.Of(type) is not null || type == "customerorder"
                ? MoySkladAnswer.List(http.Request, $"/entity/{type}/metadata/embeddedtemplate", [MoySkladPrints.Template(type)], 1000, 0, "embeddedtemplate")
                : throw new MoySkladError(412, 1005, $"Неизвестный тип: '{type}'")));
        api.MapPost("/entity/{type}/{id:guid}/export/", (string type, Guid id, HttpContext http) => ExportAsync(http, type, Id(id)));
        api.MapGet("/entity/{type}/{id:guid}/positions", (string type, Guid id, HttpContext http) => Answer(http, (d, _) =>
            (type == "customerorder" ? d.OrderPositions : BasedKind.Of(type) is not null ? d.DocumentPositions : null)?.GetValueOrDefault(Id(id)) is { } rows
                ? MoySkladAnswer.List(http.Request, $"/entity/{type}/{Id(id)}/positions", rows, 1000, 0, $"{type}position")
                : throw MoySkladError.NotFound(type, Id(id))));
        api.MapDelete("/entity/{type}/{id:guid}", (string type, Guid id, HttpContext http) => Answer(http, (d, _) =>
        {
            if (type is not ("webhook" or "webhookstock") || !d.Collection(type)!.Remove(Id(id)))
                throw MoySkladError.NotFound(type, Id(id));
            return null;
        }));
    }

    private static string Id(Guid id) => id.ToString("D");

    private static JsonObject ListOf(HttpContext http, IEnumerable<JsonObject> all, string type, IReadOnlySet<string> fields)
    {
        var query = http.Request.Query;
        var limit = Int(query["limit"], 1000, "limit");
        var offset = Int(query["offset"], 0, "offset");
        if (limit is < 1 or > 1000) throw new MoySkladError(412, 1002, "Параметр 'limit' должен быть от 1 до 1000", "limit");
        var filter = MoySkladFilter.Parse(query["filter"].FirstOrDefault(), fields);
        var search = query["search"].FirstOrDefault();
        var rows = all.Where(filter.Matches)
            .Where(r => search is null || new[] { "name", "code", "article" }.Any(f => r[f]?.ToString().Contains(search, StringComparison.OrdinalIgnoreCase) == true))
            .OrderBy(r => r["updated"]?.ToString(), StringComparer.Ordinal).ThenBy(r => r["id"]!.ToString(), StringComparer.Ordinal)
            .ToList();
        return MoySkladAnswer.List(http.Request, $"/entity/{type}", rows, limit, offset, type);
    }

    /// <summary>GET /report/stock/all/current: a plain array of {assortmentId, stockType: n}, non-zero only unless asked.</summary>
    private static JsonArray StockCurrent(HttpContext http, MoySkladAccountData data, DateTimeOffset now)
    {
        var query = http.Request.Query;
        var stockType = query["stockType"].FirstOrDefault() ?? "stock";
        var since = query["changedSince"].FirstOrDefault() is { } text
            ? MoySkladTime.Parse(text) ?? throw new MoySkladError(412, 1002, $"Неверный формат даты '{text}'", "changedSince")
            : (DateTimeOffset?)null;
        if (since is { } s && now - s > TimeSpan.FromHours(24))
            throw new MoySkladError(412, 1002, "Параметр 'changedSince' не может быть раньше, чем 24 часа назад", "changedSince");
        var zeros = since is not null || query["include"].FirstOrDefault() == "zeroLines";
        HashSet<string>? ids = null;
        if (query["filter"].FirstOrDefault() is { } filter)
        {
            if (!filter.StartsWith("assortmentId=", StringComparison.Ordinal))
                throw MoySkladError.BadFilter($"Неизвестное поле фильтрации в '{filter}'");
            ids = filter["assortmentId=".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        }
        var rows = new JsonArray();
        foreach (var (id, row) in data.Stock.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (ids is not null && !ids.Contains(id)) continue;
            if (since is not null && row.Changed < since) continue;
            var value = row.Of(stockType);
            if (value == 0 && !zeros) continue;
            rows.Add(new JsonObject { ["assortmentId"] = id, [stockType] = value });
        }
        return rows;
    }

    /// <summary>The URL prefixes whose webhooks this write must not trigger (X-Lognex-WebHook-DisableByPrefix).</summary>
    private static IReadOnlyList<string> Suppressed(HttpContext http) =>
        http.Request.Headers["X-Lognex-WebHook-DisableByPrefix"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    private static int Int(Microsoft.Extensions.Primitives.StringValues value, int fallback, string name) =>
        value.Count == 0 ? fallback
        : int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new MoySkladError(412, 1002, $"Параметр '{name}' должен быть числом", name);

    private static async Task<JsonNode> BodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = MoySkladAnswer.Relative(http.Request, await reader.ReadToEndAsync(http.RequestAborted));
        try
        {
            return JsonNode.Parse(text) ?? throw MoySkladError.BadJson("Пустое тело запроса");
        }
        catch (JsonException e)
        {
            throw MoySkladError.BadJson($"Ошибка формата JSON в запросе: {e.Message}");
        }
    }

    private static JsonObject AsObject(JsonNode? body) =>
        body as JsonObject ?? throw MoySkladError.BadJson("Ошибка формата JSON в запросе: ожидался объект");

    /// <summary>POST …/export/: 303 See Other with the printed file's temporary address.</summary>
    private async Task<IResult> ExportAsync(HttpContext http, string type, string id)
    {
        try
        {
            var data = sandbox.AccountOf(http);
            var body = AsObject(await BodyAsync(http));
            var hubBase = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            string location;
            lock (data.Gate) location = sandbox.Prints.Export(data, type, id, body, hubBase);
            http.Response.Headers.Location = location;
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (MoySkladError e)
        {
            return MoySkladAnswer.Error(e);
        }
    }

    /// <summary>Reads the body (when the route takes one), then handles the call under the account's lock.</summary>
    private async Task<IResult> Answer(HttpContext http, Func<MoySkladAccountData, JsonNode?, JsonNode?> handle, bool withBody = false)
    {
        try
        {
            var data = sandbox.AccountOf(http);
            var body = withBody ? await BodyAsync(http) : null;
            JsonNode? result;
            lock (data.Gate) result = handle(data, body)?.DeepClone();
            return new MoySkladAnswer(result);
        }
        catch (MoySkladError e)
        {
            return MoySkladAnswer.Error(e);
        }
    }
}
