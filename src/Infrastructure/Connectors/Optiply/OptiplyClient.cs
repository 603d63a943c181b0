using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>
/// Optiply's public API over JSON:API: list pages, find by remoteId, create, update, delete. Every call
/// carries Optiply's media type and the connection's accountId/couplingId; answers Optiply refuses become
/// <see cref="OptiplyRefused"/> naming what it rejected, refused credentials stop the run.
/// </summary>
public sealed partial class OptiplyClient
{
    public const string MediaType = "application/vnd.api+json";

    /// <summary>
    /// Optiply publishes no limits; its guidance is 100-200 ms between calls, so at most 10 calls a second per
    /// account. Retries follow the 429/5xx handling of Optiply's own integrations (backoff, 5 tries).
    /// </summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 10,
        Window = TimeSpan.FromSeconds(1),
        MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(250),
        MaxRetryAfter = TimeSpan.FromMinutes(2),
        AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient _http;

    public OptiplyClient(OptiplyAccount account, ConnectorHttp http, TimeProvider clock)
    {
        Account = account;
        var login = http.Create($"optiply-login:{account.TokenUrl}:{account.ClientId}", Policy);
        Tokens = new OptiplyTokenSource(account, login, clock);
        _http = http.Create(account.RateKey, Policy, Tokens);
    }

    public static OptiplyClient For(ConnectionInfo connection, ConnectorHttp http, TimeProvider? clock = null) =>
        new(OptiplyAccount.From(connection), http, clock ?? TimeProvider.System);

    public OptiplyAccount Account { get; }
    public OptiplyTokenSource Tokens { get; }

    /// <summary>One page of <paramref name="type"/>; <paramref name="query"/> takes e.g. ("filter[skuCode]", "A1"), ("sort", "id").</summary>
    public async Task<OptiplyPage> ListAsync(string type, IEnumerable<(string Key, string Value)>? query = null, int limit = 100, CancellationToken ct = default)
    {
        var parameters = (query ?? []).Append(("page[limit]", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await PageAsync(Url(type, parameters), type, ct);
    }

    /// <summary>The page after <paramref name="page"/>, following Optiply's <c>links.next</c>; null after the last.</summary>
    public async Task<OptiplyPage?> NextAsync(OptiplyPage page, string type, CancellationToken ct = default) =>
        page.Next is null || page.Data.Count == 0 ? null : await PageAsync(page.Next, type, ct);

    /// <summary>Every resource matching the query, page by page.</summary>
    public async IAsyncEnumerable<OptiplyResource> ReadAllAsync(string type, IEnumerable<(string Key, string Value)>? query = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (OptiplyPage? page = await ListAsync(type, query, ct: ct); page is not null; page = await NextAsync(page, type, ct))
            foreach (var resource in page.Data) yield return resource;
    }

    /// <summary>The resource, or null when Optiply has no such id.</summary>
    public async Task<OptiplyResource?> GetAsync(string type, string id, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, Url($"{type}/{Uri.EscapeDataString(id)}"), null, ct);
        if (status == HttpStatusCode.NotFound) return null;
        EnsureSuccess(status, body, $"reading {Label(type)} {id}");
        return Single(body);
    }

    /// <summary>The resource this coupling wrote with <paramref name="remoteId"/>, or null. The oldest wins if there are several.</summary>
    public async Task<OptiplyResource?> FindByRemoteIdAsync(string type, string remoteId, CancellationToken ct = default)
    {
        var page = await ListAsync(type, [("filter[remoteId]", remoteId), ("sort", "id")], limit: 1, ct);
        return page.Data.FirstOrDefault();
    }

    public async Task<OptiplyResource> CreateAsync(string type, JsonObject attributes, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Url(type), Envelope(type, null, attributes), ct);
        EnsureSuccess(status, body, $"the new {Label(type)}");
        return Single(body);
    }

    /// <summary>Changes only the attributes given. Null when Optiply has no such id (deleted there).</summary>
    public async Task<OptiplyResource?> UpdateAsync(string type, string id, JsonObject attributes, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, Url($"{type}/{Uri.EscapeDataString(id)}"), Envelope(type, id, attributes), ct);
        if (status == HttpStatusCode.NotFound) return null;
        EnsureSuccess(status, body, $"the change to {Label(type)} {id}");
        return Single(body);
    }

    /// <summary>Deletes the resource; false when it was already gone (which is fine).</summary>
    public async Task<bool> DeleteAsync(string type, string id, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Delete, Url($"{type}/{Uri.EscapeDataString(id)}"), null, ct);
        if (status == HttpStatusCode.NotFound) return false;
        EnsureSuccess(status, body, $"the deletion of {Label(type)} {id}");
        return true;
    }

    // Every call names its resource in words for a possible error; a handful of types, so each is worked out once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Labels = new(StringComparer.Ordinal);

    /// <summary>A resource type in words: "supplierProducts" -> "supplier product".</summary>
    public static string Label(string type) => Labels.GetOrAdd(type, static t =>
    {
        var words = CamelHump().Replace(t, " ").ToLowerInvariant();
        return words.EndsWith('s') ? words[..^1] : words;
    });

    private async Task<OptiplyPage> PageAsync(string url, string type, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, url, null, ct);
        EnsureSuccess(status, body, $"the list of {Label(type)}s");
        var json = Parse(body);
        var data = json["data"] as JsonArray ?? throw Unreadable(body);
        var resources = data.Where(d => d is not null).Select(d => OptiplyResource.From(d!, d!.ToJsonString())).ToList();
        var next = json["links"]?["next"] is { } link && link.GetValueKind() == JsonValueKind.String ? link.GetValue<string>() : null;
        var total = json["meta"]?["totalResourceCount"] is { } count && int.TryParse(count.ToString(), out var n) ? n : (int?)null;
        return new OptiplyPage(resources, next, total);
    }

    private async Task<(HttpStatusCode, string)> SendAsync(HttpMethod method, string url, byte[]? document, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        // Optiply wants its media type on every request, GET included, so even an empty body carries it.
        request.Content = new ByteArrayContent(document ?? []);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"Optiply could not be reached at {Account.BaseUrl}, even after several tries. The run will be tried again later.", e);
        }
    }

    private void EnsureSuccess(HttpStatusCode status, string body, string what)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return;
        var detail = OptiplyRefused.DetailOf(body);
        throw code switch
        {
            401 => new RunStopped("Optiply refused the credentials of this connection, even after signing in again. Check the client id, client secret, username and password on the tenant's Optiply connection."),
            403 => new RunStopped($"Optiply refused access ({detail}). Check the account id on the tenant's Optiply connection: the user must have access to that account."),
            429 => new RunStopped("Optiply kept answering \"too many requests\", even after waiting as it asked. The run stopped here and goes on at the next one."),
            >= 500 => new SyncProblem($"Optiply had an internal error ({code}) with {what}, even after several tries. It will be sent again on the next run.", response: body),
            _ => new OptiplyRefused(code, detail, $"Optiply refused {what}: {detail} (HTTP {code}).", body),
        };
    }

    private string Url(string path, IEnumerable<(string Key, string Value)>? query = null)
    {
        var parameters = (query ?? []).ToList();
        if (Account.AccountId is { } account) parameters.Add(("accountId", account));
        if (Account.CouplingId is { } coupling) parameters.Add(("couplingId", coupling));
        var text = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return text.Length == 0 ? $"{Account.BaseUrl}/{path}" : $"{Account.BaseUrl}/{path}?{text}";
    }

    /// <summary><c>{"data":{"type","id"?,"attributes"}}</c> written straight to UTF-8: no copy of the attributes, no text in between.</summary>
    private static byte[] Envelope(string type, string? id, JsonObject attributes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("type", type);
            if (id is not null) writer.WriteString("id", id);
            writer.WritePropertyName("attributes");
            attributes.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static OptiplyResource Single(string body) =>
        Parse(body)["data"] is JsonObject data ? OptiplyResource.From(data, body) : throw Unreadable(body);

    private static JsonNode Parse(string body)
    {
        try { return JsonNode.Parse(body) ?? throw Unreadable(body); }
        catch (JsonException) { throw Unreadable(body); }
    }

    private static SyncProblem Unreadable(string body) =>
        new("Optiply answered with something that is not a JSON:API document. The record will be sent again on the next run.", response: body);

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelHump();
}
