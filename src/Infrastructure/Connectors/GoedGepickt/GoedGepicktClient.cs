using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>One page of a GoedGepickt list: its items and what <c>pageInfo</c> says about the rest.</summary>
public sealed record GoedGepicktPage(IReadOnlyList<JsonObject> Items, int CurrentPage, int? LastPage, int? TotalItems);

/// <summary>
/// GoedGepickt's REST API: bearer key, <c>items</c> + <c>pageInfo</c> lists paged by <c>page</c>/<c>perPage</c>,
/// JSON in and out. A refused key stops the run; other refusals become <see cref="SyncProblem"/>s naming GG's message.
/// </summary>
public sealed class GoedGepicktClient
{
    public const int PerPage = 100;

    /// <summary>
    /// 150 requests per IP over all endpoints (the window is not published; a minute is assumed). Over it GG
    /// answers 429 "Too Many Attempts" without Retry-After; its own clients back off 3-15 s, as these retries do.
    /// </summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 150,
        Window = TimeSpan.FromMinutes(1),
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromSeconds(3),
        AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient _http;

    public GoedGepicktClient(GoedGepicktAccount account, ConnectorHttp http)
    {
        Account = account;
        _http = http.Create(GoedGepicktAccount.RateKey, Policy);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public static GoedGepicktClient For(ConnectionInfo connection, ConnectorHttp http) => new(GoedGepicktAccount.From(connection), http);

    public GoedGepicktAccount Account { get; }

    /// <summary>One page of a list (e.g. "products"), 1-based.</summary>
    public async Task<GoedGepicktPage> ListAsync(string path, IEnumerable<(string Key, string Value)> query, int page, CancellationToken ct)
    {
        var parameters = query.Append(("page", page.ToString(CultureInfo.InvariantCulture))).Append(("perPage", PerPage.ToString(CultureInfo.InvariantCulture)));
        var (status, body) = await SendAsync(HttpMethod.Get, Url(path, parameters), null, ct);
        EnsureSuccess(status, body, $"the list of {path}");
        var json = Parse(body);
        var items = (json["items"] as JsonArray ?? throw Unreadable(body)).OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList();
        var info = json["pageInfo"];
        return new GoedGepicktPage(items, Int(info?["currentPage"]) ?? page, Int(info?["lastPage"]), Int(info?["totalItems"]));
    }

    /// <summary>
    /// How many items a list holds, from <c>pageInfo.totalItems</c> of a one-item page (GG documents no count call).
    /// GG's own clients note the total can lag behind: the reconciliation labels it an estimate where it matters.
    /// </summary>
    public async Task<long?> CountAsync(string path, IEnumerable<(string Key, string Value)> query, CancellationToken ct)
    {
        var parameters = query.Append(("page", "1")).Append(("perPage", "1"));
        var (status, body) = await SendAsync(HttpMethod.Get, Url(path, parameters), null, ct);
        EnsureSuccess(status, body, $"the list of {path}");
        return Int(Parse(body)["pageInfo"]?["totalItems"]);
    }

    /// <summary>Every item of a list, page by page; stops on a short page or at <c>lastPage</c>.</summary>
    public async IAsyncEnumerable<GoedGepicktPage> PagesAsync(string path, IEnumerable<(string Key, string Value)> query, [EnumeratorCancellation] CancellationToken ct)
    {
        var filters = query.ToList();
        for (var number = 1; ; number++)
        {
            var page = await ListAsync(path, filters, number, ct);
            yield return page;
            if (page.Items.Count < PerPage || page.LastPage is { } last && page.CurrentPage >= last) yield break;
        }
    }

    /// <summary>One resource (e.g. "products/{uuid}"), or null when GG does not know it.</summary>
    public async Task<JsonObject?> GetAsync(string path, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, Url(path), null, ct);
        if (status == HttpStatusCode.NotFound) return null;
        EnsureSuccess(status, body, $"reading {path}");
        return Parse(body) as JsonObject ?? throw Unreadable(body);
    }

    public async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken ct)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, Url(path), body, ct);
        EnsureSuccess(status, answer, $"the new {path}");
        return Parse(answer) as JsonObject ?? throw Unreadable(answer);
    }

    /// <summary>Removes a resource (e.g. "webhooks/{uuid}"); one GG no longer knows is gone already.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Delete, Url(path), null, ct);
        if (status == HttpStatusCode.NotFound) return;
        EnsureSuccess(status, body, $"removing {path}");
    }

    /// <summary>The list filters that keep a run to the connection's webshop and fulfilment customer.</summary>
    public IEnumerable<(string Key, string Value)> Scope(bool webshop = true)
    {
        if (webshop && Account.WebshopUuid is { } shop) yield return ("webshopUuid", shop);
        if (Account.FulfilmentCustomerUuid is { } customer) yield return ("fulfilmentCustomerUuid", customer);
    }

    /// <summary>
    /// True when a record belongs to this connection's fulfilment customer (or the connection is not a fulfilment
    /// account). Checked on every record as well as filtered on the query: a record of another customer must never leak.
    /// </summary>
    public bool InScope(JsonObject record) =>
        Account.FulfilmentCustomerUuid is not { } customer
        || string.Equals(record["fulfilmentCustomerUuid"]?.ToString(), customer, StringComparison.OrdinalIgnoreCase);

    private async Task<(HttpStatusCode, string)> SendAsync(HttpMethod method, string url, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"GoedGepickt could not be reached at {Account.BaseUrl}, even after several tries. The run will be tried again later.", e);
        }
    }

    private static void EnsureSuccess(HttpStatusCode status, string body, string what)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return;
        var detail = Message(body);
        throw code switch
        {
            401 or 403 => new RunStopped("GoedGepickt refused the API key of this connection. Make a new key in GoedGepickt (Settings -> GoedGepickt API) and enter it on the tenant's GoedGepickt connection."),
            429 => new RunStopped("GoedGepickt kept answering \"Too Many Attempts\", even after waiting. The run stopped here and goes on at the next one."),
            >= 500 => new SyncProblem($"GoedGepickt had an internal error ({code}) with {what}, even after several tries. It is tried again on the next run.", response: body),
            _ => new SyncProblem($"GoedGepickt refused {what}: {detail} (HTTP {code}).", response: body),
        };
    }

    /// <summary>GG's error text: one of <c>error</c>, <c>errorMessage</c>, <c>message</c>, plus <c>errors</c> when given.</summary>
    public static string Message(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                var text = json["error"]?.ToString() ?? json["errorMessage"]?.ToString() ?? json["message"]?.ToString() ?? "no reason given";
                return json["errors"] is JsonNode errors ? $"{text} {errors.ToJsonString()}" : text;
            }
        }
        catch (JsonException) { }
        return body.Length > 200 ? body[..200] : body;
    }

    private string Url(string path, IEnumerable<(string Key, string Value)>? query = null)
    {
        var text = string.Join('&', (query ?? []).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return text.Length == 0 ? $"{Account.BaseUrl}/{path}" : $"{Account.BaseUrl}/{path}?{text}";
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : int.TryParse(node?.ToString(), out var p) ? p : null;

    private static JsonNode Parse(string body)
    {
        try { return JsonNode.Parse(body) ?? throw Unreadable(body); }
        catch (JsonException) { throw Unreadable(body); }
    }

    private static SyncProblem Unreadable(string body) =>
        new("GoedGepickt answered with something that is not JSON. It is tried again on the next run.", response: body);
}
