using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Planfix;

/// <summary>Planfix refused a call; <see cref="Code"/> is Planfix's error code (41 invalid value, 8000 directory...).</summary>
public sealed class PlanfixRefused(int code, string message, string? response) : SyncProblem(message, response: response)
{
    public int Code { get; } = code;
}

/// <summary>
/// Planfix's REST API: reads by GET, lists and updates by POST, pages of 100 by offset until a short page, at
/// 1 request per second per token (Planfix's limit; its daily quota, code 22, stops the run until tomorrow).
/// </summary>
public sealed class PlanfixClient
{
    public const int PageSize = 100;

    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 1,
        Window = TimeSpan.FromSeconds(1),
        MaxRetries = 5,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryAfter = TimeSpan.FromMinutes(1),
        AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient _http;
    private readonly string _token;

    public PlanfixClient(string baseUrl, string token, ConnectorHttp http)
    {
        BaseUrl = baseUrl.TrimEnd('/');
        _token = token;
        _http = http.Create($"planfix:{BaseUrl}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12]}", Policy);
    }

    public static PlanfixClient For(ConnectionInfo connection, ConnectorHttp http) =>
        new(connection.Require("baseUrl"), connection.Require("token"), http);

    public static PlanfixClient Create(FlowContext context) => For(context.Connection(PlanfixConnection.System), context.Http);

    public string BaseUrl { get; }

    public Task<JsonObject> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);

    /// <summary>Uploads a file (<c>POST /file/</c>, multipart field <c>file</c>) and attaches it to a task; returns the file's id.</summary>
    public async Task<int> AttachToTaskAsync(int taskId, string name, byte[] content, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        var id = (await SendAsync(HttpMethod.Post, "/file/", form, ct))["id"]?.GetValue<int>()
            ?? throw new SyncProblem("Planfix took the file but named no id for it.");
        await SendAsync(HttpMethod.Post, $"/file/{id}/attach/task?id={taskId}", null, ct);
        return id;
    }

    /// <summary>Every item of a POST list (e.g. <c>/directory/5/entry/list</c> under "directoryEntries"), page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonObject>> PagesAsync(string path, JsonObject body, string key, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var offset = 0; ; offset += PageSize)
        {
            var page = (JsonObject)body.DeepClone();
            page["offset"] = offset;
            page["pageSize"] = PageSize;
            var items = ((await PostAsync(path, page, ct))[key] as JsonArray ?? []).OfType<JsonObject>().ToList();
            yield return items;
            if (items.Count < PageSize) yield break;
        }
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Content = content;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"Planfix could not be reached at {BaseUrl} ({e.Message}). Check the address; the run will try again.", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonObject? json = null;
            try { json = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject; }
            catch (JsonException) { }
            if (response.IsSuccessStatusCode && json?["result"]?.ToString() != "fail") return json ?? [];
            throw Problem((int)response.StatusCode, json, text, $"{method} {path}");
        }
    }

    private static SyncProblem Problem(int status, JsonObject? json, string text, string call)
    {
        var code = json?["code"]?.GetValueKind() == JsonValueKind.Number ? json["code"]!.GetValue<int>() : -1;
        var error = json?["error"]?.ToString() ?? (text.Length > 300 ? text[..300] : text);
        return code switch
        {
            1 or 2 => new RunStopped($"Planfix refused the API token ({error}). Enter a valid token on the tenant's Planfix connection."),
            22 => new RunStopped("Planfix's daily request limit of this account is used up (code 22). The sync goes on tomorrow; a bigger Planfix plan raises the limit."),
            5 or 6 => new RunStopped($"The Planfix token may not do this ({error}, code {code}). Give the token's employee the rights or the API scope."),
            _ when status == 429 => new SyncProblem("Planfix kept answering 'too many requests' even after waiting. The record will be sent again on the next run.", response: text),
            _ => new PlanfixRefused(code, $"Planfix refused {call} (code {code}): {error}", text),
        };
    }
}
