using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Reads Exact Online's REST API for one division: OData envelope ("d.results"), paging by following
/// "__next", Exact's error bodies turned into readable problems, and pacing by the rate-limit headers.
/// </summary>
public sealed class ExactOnlineClient
{
    /// <summary>Exact's documented budget: 60 calls per app and division per minute (and 5,000 a day, watched via headers).</summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 60,
        Window = TimeSpan.FromMinutes(1),
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryAfter = TimeSpan.FromSeconds(65),
        AttemptTimeout = TimeSpan.FromSeconds(100),
    };

    /// <summary>When this few calls of the minute remain, wait for the next minute rather than run into a 429.</summary>
    public const int MinutelyReserve = 2;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(61);

    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    /// <param name="http">A client that adds the bearer token (see <see cref="Create"/>).</param>
    public ExactOnlineClient(HttpClient http, string baseUrl, string division, TimeProvider clock)
    {
        _http = http;
        _clock = clock;
        BaseUrl = baseUrl.TrimEnd('/');
        Division = division;
        Warehouses = new ExactWarehouses(this);
    }

    public string BaseUrl { get; }
    public string Division { get; }
    public ExactTokenSource? Tokens { get; private init; }

    /// <summary>The division's warehouses, read at most once by this client.</summary>
    public ExactWarehouses Warehouses { get; }

    /// <summary>The client for a flow run: tokens kept with the connection's secrets, rate limits per division.</summary>
    public static ExactOnlineClient Create(ConnectedContext context) =>
        Create(context.Connection(ExactOnlineConnection.System), context.Http, context.Clock);

    public static ExactOnlineClient Create(ConnectionInfo connection, ConnectorHttp http, TimeProvider clock)
    {
        var baseUrl = (connection.Get("baseUrl") ?? ExactOnlineConnection.DefaultBaseUrl).TrimEnd('/');
        var division = connection.Require("division").Trim();
        var key = $"exactOnline:{baseUrl}:{division}";
        var tokens = new ExactTokenSource(http.Create(key + ":token", Policy), baseUrl, division,
            connection.Require("clientId"), connection.Require("clientSecret"), connection.Require("refreshToken"), connection.Store, clock);
        return new ExactOnlineClient(http.Create(key, Policy, tokens), baseUrl, division, clock) { Tokens = tokens };
    }

    /// <summary>The absolute URL of a division resource, e.g. "sync/Logistics/Items".</summary>
    public string Url(string resource, IEnumerable<string>? select = null, string? filter = null)
    {
        var query = new List<string>();
        if (filter is not null) query.Add("$filter=" + Uri.EscapeDataString(filter));
        if (select is not null) query.Add("$select=" + string.Join(',', select));
        return $"{BaseUrl}/api/v1/{Division}/{resource}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>Every page of a list, following "__next" until Exact stops giving one.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> PagesAsync(string url, [EnumeratorCancellation] CancellationToken ct)
    {
        string? next = url;
        while (next is not null)
        {
            var body = await GetAsync(next, ct) ?? throw new SyncProblem($"Exact Online does not know {Describe(next)}.");
            var d = body["d"];
            var results = d is JsonObject o ? o["results"] as JsonArray : d as JsonArray;
            if (results is null) throw new SyncProblem($"Exact Online answered {Describe(next)} without a list of results.", response: Clip(body.ToJsonString()));
            yield return results.OfType<JsonObject>().ToList();
            next = d is JsonObject withNext && (string?)withNext["__next"] is { Length: > 0 } link ? Absolute(next, link) : null;
        }
    }

    /// <summary>All rows of a list (for small lists such as warehouses, or filtered reads).</summary>
    public async Task<List<JsonObject>> AllAsync(string url, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        await foreach (var page in PagesAsync(url, ct)) all.AddRange(page);
        return all;
    }

    /// <summary>
    /// <c>GET .../{resource}/$count</c>: Exact's cheapest count, a bare integer, one call however many rows match.
    /// </summary>
    public async Task<long> CountAsync(string resource, string filter, CancellationToken ct)
    {
        var url = $"{BaseUrl}/api/v1/{Division}/{resource}/$count?$filter=" + Uri.EscapeDataString(filter);
        var body = await GetBodyAsync(url, ct) ?? throw new SyncProblem($"Exact Online does not know {Describe(url)}.");
        var text = Text(body).Trim();
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new SyncProblem($"Exact Online answered the count of {resource} with something that is not a number.", response: Clip(text));
    }

    /// <summary>GET /api/v1/current/Me: the user and their current division (no division in the URL, not counted).</summary>
    public async Task<JsonObject> MeAsync(CancellationToken ct)
    {
        var body = await GetAsync($"{BaseUrl}/api/v1/current/Me?$select=CurrentDivision,FullName,UserName", ct)
            ?? throw new SyncProblem("Exact Online did not answer who the connected user is.");
        var d = body["d"];
        var me = (d as JsonObject)?["results"] is JsonArray results ? results.FirstOrDefault() as JsonObject
            : d as JsonArray is { } array ? array.FirstOrDefault() as JsonObject : d as JsonObject;
        return me ?? throw new SyncProblem("Exact Online did not answer who the connected user is.");
    }

    /// <summary>
    /// Every row of a list, page by page, as elements of the page's parsed document: for rows converted on arrival (an
    /// item's prices and stock), which then need no node tree each. A row is valid until the next one is asked for.
    /// </summary>
    public async IAsyncEnumerable<JsonElement> RowsAsync(string url, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (page, rows) in DocumentsAsync(url, ct))
            using (page)
                foreach (var row in rows) yield return row;
    }

    /// <summary>
    /// Every page of a list as its rows' elements, for records built from them (see <see cref="ExactRecordCheck.Clean(JsonElement, IReadOnlyDictionary{string, ExactType}, string[])"/>).
    /// Values of those records point into their row, so each row is copied into a document of its own and the page's
    /// rented arrays are given back at once: kept for the page's records, they were never returned, so the next page
    /// took new ones (about 1.2 KB a record of a first run, measured).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonElement>> ElementPagesAsync(string url, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (page, rows) in DocumentsAsync(url, ct))
        {
            List<JsonElement> own;
            using (page) own = rows.ConvertAll(row => row.Clone());
            yield return own;
        }
    }

    private async IAsyncEnumerable<(JsonDocument Page, List<JsonElement> Rows)> DocumentsAsync(string url, [EnumeratorCancellation] CancellationToken ct)
    {
        string? next = url;
        while (next is not null)
        {
            var current = next;
            var page = await ReadAsync(current, (response, token) => DocumentAsync(response, current, token), ct)
                       ?? throw new SyncProblem($"Exact Online does not know {Describe(current)}.");
            var d = page.RootElement.ValueKind == JsonValueKind.Object && page.RootElement.TryGetProperty("d", out var envelope) ? envelope : default;
            var results = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("results", out var list) ? list : d;
            if (results.ValueKind != JsonValueKind.Array)
            {
                var text = page.RootElement.GetRawText();
                page.Dispose();
                throw new SyncProblem($"Exact Online answered {Describe(current)} without a list of results.", response: Clip(text));
            }
            var rows = new List<JsonElement>(results.GetArrayLength());
            foreach (var row in results.EnumerateArray())
                if (row.ValueKind == JsonValueKind.Object) rows.Add(row);
            next = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("__next", out var link) && link.ValueKind == JsonValueKind.String
                   && link.GetString() is { Length: > 0 } nextLink ? Absolute(current, nextLink) : null;
            yield return (page, rows);
        }
    }

    /// <summary>
    /// A page parsed as it arrives: the document rents its buffer (given back when a reader disposes the page), where
    /// reading the whole answer first took a new large array for each page of 1,000 rows, and more while it grew.
    /// </summary>
    private static async Task<JsonDocument> DocumentAsync(HttpResponseMessage response, string url, CancellationToken ct)
    {
        // During maintenance Exact has been seen answering an HTML page, even with 200: shown as such, not as a JSON error.
        if (response.Content.Headers.ContentType?.MediaType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw NotData(url, null, await response.Content.ReadAsStringAsync(ct));
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw NotData(url, e, null);
        }
    }

    /// <summary>One GET with Exact's error handling; null for 404 (the record does not exist).</summary>
    public async Task<JsonObject?> GetAsync(string url, CancellationToken ct) =>
        await GetBodyAsync(url, ct) is { } body ? Parse(body, url) : null;

    /// <summary>One GET's body with Exact's error handling; null for 404.</summary>
    private Task<byte[]?> GetBodyAsync(string url, CancellationToken ct) =>
        ReadAsync<byte[]?>(url, async (response, token) => await response.Content.ReadAsByteArrayAsync(token), ct);

    /// <summary>One GET with Exact's error handling, its successful answer read by <paramref name="read"/>; default for 404.</summary>
    private async Task<T?> ReadAsync<T>(string url, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // Without it Exact answers Atom XML.
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await SendAsync(request, url, ct);
            var pause = PauseFor(response, out var dailyExhausted);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 3 && !dailyExhausted)
            {
                // The retry handler's attempts were spent inside the same minute: wait for the window itself.
                await Task.Delay(pause ?? TimeSpan.FromSeconds(20), ct);
                continue;
            }
            if (response.IsSuccessStatusCode)
            {
                var body = await read(response, ct);
                if (pause is { } wait) await Task.Delay(wait, ct);
                return body;
            }
            if (response.StatusCode == HttpStatusCode.NotFound) return default;
            throw Problem(response, await response.Content.ReadAsStringAsync(ct), url, dailyExhausted);
        }
    }

    /// <summary>
    /// POSTs a new record (e.g. "purchaseorder/PurchaseOrders") and returns it as Exact stored it: with
    /// "Prefer: return=representation" Exact answers every property, not only the new key.
    /// </summary>
    public async Task<JsonObject> PostAsync(string resource, JsonObject body, CancellationToken ct)
    {
        var url = $"{BaseUrl}/api/v1/{Division}/{resource}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        using var response = await SendAsync(request, url, ct);
        var answer = await response.Content.ReadAsByteArrayAsync(ct);
        var pause = PauseFor(response, out var dailyExhausted);
        if (!response.IsSuccessStatusCode) throw Problem(response, Text(answer), url, dailyExhausted);
        if (pause is { } wait) await Task.Delay(wait, ct);
        return Parse(answer, url)["d"] as JsonObject
               ?? throw new SyncProblem($"Exact Online answered the new record for {Describe(url)} without the record.", response: Clip(Text(answer)));
    }

    /// <summary>The answer as soon as its headers are in: its body is read by the caller, a page straight into a parsed document.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string url, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw new SyncProblem($"Exact Online could not be reached for {Describe(url)}: {e.Message}", e);
        }
    }

    /// <summary>How long to wait before the next call, read from Exact's X-RateLimit headers.</summary>
    private TimeSpan? PauseFor(HttpResponseMessage response, out bool dailyExhausted)
    {
        dailyExhausted = Header(response, "X-RateLimit-Remaining") is 0;
        var remaining = Header(response, "X-RateLimit-Minutely-Remaining");
        var reset = Header(response, "X-RateLimit-Minutely-Reset");
        if (remaining is null || reset is null || remaining > MinutelyReserve) return null;
        var wait = DateTimeOffset.FromUnixTimeMilliseconds(reset.Value) - _clock.GetUtcNow() + TimeSpan.FromMilliseconds(250);
        return wait <= TimeSpan.Zero ? null : wait > LongestPause ? LongestPause : wait;
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static JsonObject Parse(byte[] body, string url)
    {
        try
        {
            return JsonNode.Parse(WithoutBom(body)) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw NotData(url, e, Text(body));
        }
    }

    private static SyncProblem NotData(string url, JsonException? e, string? text) =>
        new($"Exact Online answered {Describe(url)} with something that is not data (maintenance?). The run will be tried again later.", e, text is null ? null : Clip(text));

    private static ReadOnlySpan<byte> WithoutBom(byte[] body) => body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsSpan(3) : body;

    /// <summary>The body as text, for error messages only.</summary>
    private static string Text(byte[] body) => Encoding.UTF8.GetString(WithoutBom(body));

    private SyncProblem Problem(HttpResponseMessage response, string text, string url, bool dailyExhausted)
    {
        var status = (int)response.StatusCode;
        var message = ErrorText(text);
        var said = message is null ? "" : $" Exact said: {message}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new RunStopped($"Exact Online refused the access token for division {Division} even after renewing it; reconnect Exact Online.{said}"),
            HttpStatusCode.Forbidden => new SyncProblem($"The Exact Online user has no rights to read {Describe(url)} in division {Division}.{said}", response: Clip(text)),
            HttpStatusCode.TooManyRequests when dailyExhausted => new RunStopped(
                $"The daily Exact Online API limit of division {Division} is used up; the sync continues after it resets{ResetText(response)}."),
            HttpStatusCode.TooManyRequests => new SyncProblem($"Exact Online kept answering \"too many requests\" for {Describe(url)}. The run will be tried again later.", response: Clip(text)),
            >= HttpStatusCode.InternalServerError => new SyncProblem($"Exact Online had a problem answering {Describe(url)} (HTTP {status}).{said} The run will be tried again later.", response: Clip(text)),
            _ => new SyncProblem($"Exact Online refused the request for {Describe(url)} (HTTP {status}).{said}", response: Clip(text)),
        };
    }

    private static string ResetText(HttpResponseMessage response) =>
        Header(response, "X-RateLimit-Reset") is { } ms ? $" at {DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";

    /// <summary>The text of {"error":{"message":{"value":".."}}}, or of an OAuth-style {"error":"..","error_description":".."}.</summary>
    public static string? ErrorText(string text)
    {
        try
        {
            var body = JsonNode.Parse(text);
            return body?["error"] switch
            {
                JsonObject error => (string?)error["message"]?["value"] ?? (string?)error["message"],
                JsonValue error => (string?)body["error_description"] ?? (string?)error,
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>"sync/Logistics/Items" out of a full URL, for messages.</summary>
    private static string Describe(string url)
    {
        var path = new Uri(url, UriKind.Absolute).AbsolutePath;
        var at = path.IndexOf("/api/v1/", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return path;
        var rest = path[(at + 8)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest[(slash + 1)..];
    }

    // One Exact doc shows a relative "../api/v1/..." next link; resolve it against the page it came from.
    private static string Absolute(string current, string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out _) ? link : new Uri(new Uri(current), link).AbsoluteUri;

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];
}
