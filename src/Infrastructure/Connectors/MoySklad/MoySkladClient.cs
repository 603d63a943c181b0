using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.MoySklad;

/// <summary>
/// MoySklad's JSON API remap 1.2 with a user's bearer token: gzip on every call (the API refuses clients that do
/// not accept it), pages of 1,000 by limit/offset, the stock report, webhooks. Paced to the request bucket: a
/// user token's call weighs 4 of 45 units per 3 s, so at most 11 calls per 3 s, and when X-RateLimit-Remaining
/// says the next call would not fit, the client waits the X-Lognex-Reset the API names.
/// </summary>
public sealed class MoySkladClient
{
    public const string DefaultBaseUrl = "https://api.moysklad.ru/api/remap/1.2";
    /// <summary>Weight of one call of a user token since 2026-12-01 (MoySklad's rate-limit rules).</summary>
    public const int UnitsPerCall = 4;
    public const int PageSize = 1000;

    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 45 / UnitsPerCall,
        Window = TimeSpan.FromSeconds(3),
        MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryAfter = TimeSpan.FromSeconds(30),
        AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient _http;
    private readonly string _token;

    public MoySkladClient(string baseUrl, string token, ConnectorHttp http)
    {
        BaseUrl = baseUrl.TrimEnd('/');
        _token = token;
        // Keyed by account address and token: the bucket is counted per user.
        _http = http.Create($"moysklad:{BaseUrl}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12]}", Policy);
    }

    /// <summary>
    /// The connection's client. Its writes tell MoySklad not to notify the hub's own webhook address (stored as the
    /// secret <see cref="WebhookUrl"/> when the webhooks were registered), so they never come back as webhooks.
    /// </summary>
    public static MoySkladClient For(ConnectionInfo connection, ConnectorHttp http) =>
        new(connection.Get("baseUrl") ?? DefaultBaseUrl, connection.Require("token"), http)
        {
            QuietFor = connection.Get(WebhookUrl) is { } hook ? [hook] : [],
        };

    /// <summary>The connection secret holding the hub's webhook address at MoySklad (its last segment is the secret).</summary>
    public const string WebhookUrl = "webhookUrl";

    public static MoySkladClient Create(FlowContext context) => For(context.Connection(MoySkladConnection.System), context.Http);

    public string BaseUrl { get; }

    /// <summary>URL prefixes MoySklad must not notify about the hub's own writes (X-Lognex-WebHook-DisableByPrefix).</summary>
    public IReadOnlyList<string> QuietFor { get; init; } = [];

    /// <summary>Every entity of <paramref name="type"/> matching <paramref name="filter"/>, a page of 1,000 at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> PagesAsync(string type, string? filter = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var offset = 0; ; offset += PageSize)
        {
            var query = $"limit={PageSize}&offset={offset}" + (filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter));
            var page = (JsonObject)(await SendAsync(HttpMethod.Get, $"/entity/{type}?{query}", null, $"reading {type} list", ct))!;
            var rows = (page["rows"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            yield return rows;
            if (page["meta"]?["nextHref"] is null || rows.Count == 0) yield break;
        }
    }

    /// <summary>One entity by id, or null when MoySklad has no such (deleted) entity.</summary>
    public async Task<JsonObject?> GetAsync(string type, string id, CancellationToken ct = default) =>
        await SendAsync(HttpMethod.Get, $"/entity/{type}/{Uri.EscapeDataString(id)}", null, $"reading {type} {id}", ct, notFoundIsNull: true) as JsonObject;

    /// <summary>A plain-array or object answer of any GET path below the API root (e.g. the price types).</summary>
    public Task<JsonNode?> ReadAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, $"reading {path}", ct);

    public async Task<JsonObject> CreateAsync(string type, JsonObject body, CancellationToken ct = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Post, $"/entity/{type}", body, $"creating a {type}", ct))!;

    /// <summary>Changes an entity (a PUT sends only the keys to change); null when MoySklad has no such entity any more.</summary>
    public async Task<JsonObject?> UpdateAsync(string type, string id, JsonObject body, CancellationToken ct = default) =>
        await SendAsync(HttpMethod.Put, $"/entity/{type}/{Uri.EscapeDataString(id)}", body, $"saving {type} {id}", ct, notFoundIsNull: true) as JsonObject;

    /// <summary>Deletes an entity; one that is gone already counts as deleted.</summary>
    public async Task DeleteAsync(string type, string id, CancellationToken ct = default) =>
        await SendAsync(HttpMethod.Delete, $"/entity/{type}/{Uri.EscapeDataString(id)}", null, $"deleting {type} {id}", ct, notFoundIsNull: true);

    /// <summary>
    /// A new document MoySklad fills in from the one <paramref name="basis"/> names (<c>PUT /entity/{type}/new</c>, e.g.
    /// a demand from <c>{"customerOrder": {"meta": …}}</c>): not saved, no id; POST it to create the document.
    /// </summary>
    public async Task<JsonObject> TemplateAsync(string type, JsonObject basis, CancellationToken ct = default) =>
        (JsonObject)(await SendAsync(HttpMethod.Put, $"/entity/{type}/new", basis, $"filling in a new {type}", ct))!;

    /// <summary>A reference to an entity as MoySklad takes it in a body: <c>{"meta": {href, type, mediaType}}</c>.</summary>
    public JsonObject Reference(string type, string id) => new()
    {
        ["meta"] = new JsonObject { ["href"] = $"{BaseUrl}/entity/{type}/{id}", ["type"] = type, ["mediaType"] = "application/json" },
    };

    /// <summary>The entity in MoySklad's web app (meta.uuidHref), else its API address: both contain the id.</summary>
    public static string Link(JsonObject entity) =>
        entity["meta"]?["uuidHref"]?.ToString() ?? entity["meta"]?["href"]?.ToString() ?? entity["id"]!.ToString();

    /// <summary>The id at the end of a reference's href.</summary>
    public static string? IdOf(JsonNode? reference) =>
        reference?["meta"]?["href"]?.ToString() is { } href ? href[(href.LastIndexOf('/') + 1)..] : null;

    /// <summary>
    /// Creates or (elements with <c>meta</c>) updates up to 1,000 entities in one call; the answer holds the saved
    /// entity or, for an element MoySklad refused, <c>{"errors":[…]}</c> at the same index.
    /// </summary>
    public async Task<JsonArray> BatchAsync(string type, JsonArray elements, CancellationToken ct = default) =>
        (JsonArray)(await SendAsync(HttpMethod.Post, $"/entity/{type}", elements, $"saving {elements.Count} {type} records", ct))!;

    /// <summary>
    /// One stock figure of every product (stock, reserve, quantity...) from <c>/report/stock/all/current</c>; with
    /// <paramref name="changedSince"/> (at most 24 h back) only those changed since, zeros included.
    /// </summary>
    public async Task<Dictionary<string, decimal>> CurrentStockAsync(string stockType, DateTimeOffset? changedSince, CancellationToken ct = default,
        IReadOnlyCollection<string>? productIds = null)
    {
        var query = $"stockType={stockType}" + (changedSince is { } since
            ? "&changedSince=" + Uri.EscapeDataString(MoySkladTime.FormatForFilter(since))
            : "&include=zeroLines");
        if (productIds is { Count: > 0 }) query += "&filter=" + Uri.EscapeDataString("assortmentId=" + string.Join(',', productIds));
        var rows = await SendAsync(HttpMethod.Get, $"/report/stock/all/current?{query}", null, "reading the stock report", ct) as JsonArray ?? [];
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in rows.OfType<JsonObject>())
            if (row["assortmentId"]?.ToString() is { } id)
                result[id] = row[stockType]?.GetValue<decimal>() ?? 0;
        return result;
    }

    /// <summary>
    /// Prints a document with its type's first embedded template in <paramref name="extension"/> (xls, pdf...):
    /// <c>POST /entity/{type}/{id}/export/</c>, which MoySklad answers 303 with the file's temporary address.
    /// </summary>
    public async Task<byte[]> PrintAsync(string type, string id, string extension, CancellationToken ct = default)
    {
        var templates = await SendAsync(HttpMethod.Get, $"/entity/{type}/metadata/embeddedtemplate", null, $"reading the {type} print templates", ct);
        var template = (templates?["rows"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()
            ?? throw new SyncProblem($"MoySklad has no print template for a {type}. Add one in MoySklad's print settings.");
        var body = new JsonObject { ["template"] = new JsonObject { ["meta"] = template["meta"]!.DeepClone() }, ["extension"] = extension };
        using var request = Request(HttpMethod.Post, $"/entity/{type}/{Uri.EscapeDataString(id)}/export/", body);
        using var response = await ReachAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found && response.Headers.Location is { } location)
        {
            // The address is temporary and public: fetched without the token (an HttpClient that follows the redirect drops it too).
            using var download = await ReachAsync(new HttpRequestMessage(HttpMethod.Get, location), ct);
            if (!download.IsSuccessStatusCode) throw Problem(download.StatusCode, "", $"downloading the printed {type}");
            return await download.Content.ReadAsByteArrayAsync(ct);
        }
        if (response.IsSuccessStatusCode) return await response.Content.ReadAsByteArrayAsync(ct);
        throw Problem(response.StatusCode, await response.Content.ReadAsStringAsync(ct), $"printing {type} {id}");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, path.StartsWith("http", StringComparison.Ordinal) ? path : BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.Accept.ParseAdd("application/json;charset=utf-8");
        foreach (var prefix in QuietFor) request.Headers.TryAddWithoutValidation("X-Lognex-WebHook-DisableByPrefix", prefix);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private async Task<HttpResponseMessage> ReachAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"MoySklad could not be reached at {BaseUrl} ({e.Message}). Check the address; the run will try again.", e);
        }
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, string what, CancellationToken ct, bool notFoundIsNull = false)
    {
        using var request = Request(method, path, body);
        var response = await ReachAsync(request, ct);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            await PaceAsync(response.Headers, ct);
            if (response.IsSuccessStatusCode) return text.Length == 0 ? null : JsonNode.Parse(text);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull) return null;
            throw Problem(response.StatusCode, text, what);
        }
    }

    /// <summary>When the bucket will not hold another call, waits until it refilled (X-Lognex-Reset, in ms).</summary>
    private static async Task PaceAsync(HttpResponseHeaders headers, CancellationToken ct)
    {
        if (Header(headers, "X-RateLimit-Remaining") is { } remaining && remaining < UnitsPerCall
            && Header(headers, "X-Lognex-Reset") is { } reset && reset > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(reset, 3000)), ct);
    }

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static SyncProblem Problem(HttpStatusCode status, string body, string what)
    {
        var detail = ErrorText(body);
        return status switch
        {
            HttpStatusCode.Unauthorized => new RunStopped($"MoySklad refused the token ({detail}). Enter a valid token on the tenant's MoySklad connection."),
            HttpStatusCode.Forbidden => new RunStopped($"The MoySklad user of this token may not do this ({detail}). Give the user the rights, or use an administrator's token."),
            HttpStatusCode.UnsupportedMediaType => new RunStopped("MoySklad refused the call (415): the request did not accept gzip. This is a fault of the hub; tell support."),
            HttpStatusCode.TooManyRequests => new SyncProblem($"MoySklad kept answering 'too many requests' while {what}, even after waiting. The record will be tried again on the next run.", response: body),
            _ => new SyncProblem($"MoySklad refused {what} ({(int)status}): {detail}", response: body),
        };
    }

    /// <summary>The first error's text from MoySklad's <c>{"errors":[{"error","code"}]}</c> body.</summary>
    public static string ErrorText(string body)
    {
        try
        {
            if (JsonNode.Parse(body)?["errors"] is JsonArray { Count: > 0 } errors && errors[0] is JsonObject first)
                return $"{first["error"]} (code {first["code"]})";
        }
        catch (JsonException) { }
        return body.Length == 0 ? "no reason given" : body[..Math.Min(body.Length, 300)];
    }
}
