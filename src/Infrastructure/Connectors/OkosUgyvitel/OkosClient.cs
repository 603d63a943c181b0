using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

/// <summary>
/// The hub's assumed Okos-Ügyvitel contract (JSON, <c>X-Api-Key</c>, per company). Okos-Ügyvitel publishes no
/// API, so this client and its emulator define what the hub expects; a vendor interface replaces both.
/// </summary>
public sealed partial class OkosClient
{
    /// <summary>No published limits; the hub assumes 10 calls a second and honours 429 + Retry-After.</summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 10, Window = TimeSpan.FromSeconds(1), MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(250), AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient _http;

    public OkosClient(OkosAccount account, ConnectorHttp http)
    {
        Account = account;
        _http = http.Create($"okos:{account.BaseUrl}:{account.CompanyId}", Policy);
    }

    public static OkosClient For(ConnectionInfo connection, ConnectorHttp http) => new(OkosAccount.From(connection), http);

    public OkosAccount Account { get; }

    public async Task<IReadOnlyList<(string Key, decimal Rate)>> VatKeysAsync(CancellationToken ct) =>
        (await ListAsync("vat-keys", ct)).Select(v => (Text(v, "key"), Number(v, "rate"))).ToList();

    public async Task<IReadOnlyList<(string Id, string Name)>> WarehousesAsync(CancellationToken ct) =>
        (await ListAsync("warehouses", ct)).Select(w => (Text(w, "id"), Text(w, "name"))).ToList();

    public async Task<IReadOnlyList<(string Code, string Prefix)>> NumberingSequencesAsync(CancellationToken ct) =>
        (await ListAsync("numbering-sequences", ct)).Select(s => (Text(s, "code"), Text(s, "prefix"))).ToList();

    /// <summary>Customers matching every filter given (a null filter is left out).</summary>
    public Task<IReadOnlyList<JsonObject>> CustomersAsync(string? webshopCustomerId, string? email, string? name, CancellationToken ct) =>
        ListAsync(Query("customers", ("webshopCustomerId", webshopCustomerId), ("email", email), ("name", name)), ct);

    public Task<IReadOnlyList<JsonObject>> ProductsAsync(string? code, CancellationToken ct) => ListAsync(Query("products", ("code", code)), ct);
    public Task<IReadOnlyList<JsonObject>> ServicesAsync(string? name, CancellationToken ct) => ListAsync(Query("services", ("name", name)), ct);
    public Task<IReadOnlyList<JsonObject>> PaymentMethodsAsync(CancellationToken ct) => ListAsync("payment-methods", ct);
    public Task<IReadOnlyList<JsonObject>> ShippingMethodsAsync(CancellationToken ct) => ListAsync("shipping-methods", ct);
    public Task<IReadOnlyList<JsonObject>> StockAsync(string? warehouseId, CancellationToken ct) => ListAsync(Query("stock", ("warehouseId", warehouseId)), ct);

    /// <summary>Stock and price changes after <paramref name="since"/> (null: from the start), oldest first.</summary>
    public Task<IReadOnlyList<JsonObject>> ChangesAsync(string? since, CancellationToken ct) => ListAsync(Query("changes", ("since", since)), ct);

    /// <summary>Creates a customer, product, service or method; returns the created record (with its id).</summary>
    public async Task<JsonObject> CreateAsync(string resource, JsonObject body, CancellationToken ct)
    {
        var (status, text) = await SendAsync(HttpMethod.Post, resource, body, ct);
        EnsureSuccess(status, text, $"the new {Singular(resource)}");
        return Parse(text) as JsonObject ?? throw Unreadable(text);
    }

    public async Task<JsonObject> UpdateProductAsync(string productId, JsonObject body, CancellationToken ct)
    {
        var (status, text) = await SendAsync(HttpMethod.Put, $"products/{Uri.EscapeDataString(productId)}", body, ct);
        EnsureSuccess(status, text, $"the change to product {productId}");
        return Parse(text) as JsonObject ?? throw Unreadable(text);
    }

    /// <summary>Posts a document. A document with the same externalId answers 409 with its id: that one is returned, Existed = true.</summary>
    public async Task<(string Id, string? Number, bool Existed)> CreateDocumentAsync(JsonObject document, CancellationToken ct)
    {
        var (status, text) = await SendAsync(HttpMethod.Post, "documents", document, ct);
        if (status == HttpStatusCode.Conflict && OkosRefused.Read(text).Errors.GetValueOrDefault("externalId") is [var existing, ..])
            return (existing, null, true);
        EnsureSuccess(status, text, $"the {document["type"]} document {document["externalId"]}");
        var json = Parse(text);
        return (Text(json, "id"), json["number"]?.ToString(), false);
    }

    /// <summary>One page (from 1) of documents; Total counts every match.</summary>
    public async Task<(IReadOnlyList<JsonObject> Items, int Total)> DocumentsAsync(string type, string? status, string? externalId, int page, int pageSize, CancellationToken ct)
    {
        var path = Query("documents", ("type", type), ("status", status), ("externalId", externalId),
            ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)));
        var (code, text) = await SendAsync(HttpMethod.Get, path, null, ct);
        EnsureSuccess(code, text, "the list of documents");
        var json = Parse(text);
        var items = (json["items"] as JsonArray ?? throw Unreadable(text)).OfType<JsonObject>().ToList();
        return (items, (int)Number(json, "total"));
    }

    /// <summary>Every document of a type and status, page by page.</summary>
    public async Task<IReadOnlyList<JsonObject>> AllDocumentsAsync(string type, string status, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var (items, total) = await DocumentsAsync(type, status, null, page, 500, ct);
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= total) return all;
        }
    }

    public async Task<JsonObject> InvoiceAsync(string documentId, CancellationToken ct)
    {
        var (status, text) = await SendAsync(HttpMethod.Post, $"documents/{Uri.EscapeDataString(documentId)}/invoice", null, ct);
        EnsureSuccess(status, text, $"invoicing document {documentId}");
        return Parse(text) as JsonObject ?? throw Unreadable(text);
    }

    private async Task<IReadOnlyList<JsonObject>> ListAsync(string path, CancellationToken ct)
    {
        var (status, text) = await SendAsync(HttpMethod.Get, path, null, ct);
        EnsureSuccess(status, text, $"the list of {path.Split('?')[0]}");
        return (Parse(text) as JsonArray ?? throw Unreadable(text)).OfType<JsonObject>().ToList();
    }

    private async Task<(HttpStatusCode, string)> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, $"{Account.CompanyUrl}/{path}");
        request.Headers.Add("X-Api-Key", Account.ApiKey);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"Okos-Ügyvitel could not be reached at {Account.BaseUrl}, even after several tries. The run will be tried again later.", e);
        }
    }

    private void EnsureSuccess(HttpStatusCode status, string body, string what)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return;
        var (detail, errors) = OkosRefused.Read(body);
        throw code switch
        {
            401 or 403 => new RunStopped($"Okos-Ügyvitel refused the API key of company {Account.CompanyId} ({detail}). Check the key and company id on the tenant's Okos-Ügyvitel connection."),
            404 when what.StartsWith("the list", StringComparison.Ordinal) => new RunStopped($"Okos-Ügyvitel does not know company {Account.CompanyId} ({detail}). Check the company id on the tenant's connection."),
            429 => new RunStopped("Okos-Ügyvitel kept answering \"too many requests\", even after waiting as it asked. The run goes on at the next one."),
            >= 500 => new SyncProblem($"Okos-Ügyvitel had an internal error ({code}) with {what}, even after several tries. It will be tried again on the next run.", response: body),
            _ => new OkosRefused(code, detail, errors, $"Okos-Ügyvitel refused {what}: {detail} (HTTP {code}).", body),
        };
    }

    private static string Query(string path, params (string Key, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }

    private static string Singular(string resource) => resource.TrimEnd('s').Replace('-', ' ');

    public static string Text(JsonNode node, string name) => node[name]?.ToString() ?? "";

    /// <summary>A number of an answer (the contract sends numbers; text is read too).</summary>
    public static decimal Number(JsonNode node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d
        : decimal.TryParse(node[name]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : 0;

    private static JsonNode Parse(string body)
    {
        try { return JsonNode.Parse(body) ?? throw Unreadable(body); }
        catch (JsonException) { throw Unreadable(body); }
    }

    private static SyncProblem Unreadable(string body) =>
        new("Okos-Ügyvitel answered with something that is not JSON. It will be tried again on the next run.", response: body);
}
