using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>
/// An emulator of Planfix's REST API (v2) under /sandbox/planfix/rest: bearer tokens per account, 1 request per
/// second per token (429 when faster: Planfix does not document its answer, this is assumed), a daily request
/// quota (code 22), <c>X-RateLimit-Remaining</c>, POST for lists and updates, and directories with entries.
/// </summary>
public sealed partial class PlanfixSandbox : SandboxSystem
{
    public const string RestPath = "/sandbox/planfix/rest";
    public const string DemoToken = "koppel-demo-planfix-token";
    public const string DemoAccount = "demo";

    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, PlanfixAccountData> _accounts = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly PlanfixThrottle _throttle;
    private readonly TimeProvider _clock;

    public PlanfixSandbox(TimeProvider clock)
    {
        _clock = clock;
        _throttle = new PlanfixThrottle(clock);
        RegisterToken(DemoToken, DemoAccount);
    }

    public override string Segment => "planfix";

    public static string BaseUrl(Uri hub) => new Uri(hub, RestPath.TrimStart('/')).ToString();

    public void RegisterToken(string token, string account)
    {
        _tokens[token] = account;
        Account(account);
    }

    /// <summary>Requests per second per token before 429 (Planfix: 1); 0 lifts the limit.</summary>
    public int RequestsPerSecond { get => _throttle.PerSecond; set => _throttle.PerSecond = value; }

    public IReadOnlyCollection<string> Requests => _requests;
    public int Writes => _requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && !r.EndsWith("/list", StringComparison.Ordinal));

    internal PlanfixAccountData Account(string account) => _accounts.GetOrAdd(account, _ => new PlanfixAccountData { Clock = _clock });

    public override void Seed(string account, int size, int seed) => _accounts[account] = new PlanfixAccountData { Clock = _clock };

    public override void Reset()
    {
        _accounts.Clear();
        _requests.Clear();
        _throttle.Reset();
    }

    /// <summary>Sets how many requests the account may still make today (0: every call answers code 22).</summary>
    public void SetDailyRequestsLeft(string account, int left)
    {
        var data = Account(account);
        lock (data.Gate) data.DailyRequestsLeft = left;
    }

    /// <summary>Creates a directory with fields (name, Planfix type: 0 Line, 1 Number, 2 Text, 7 Checkbox); returns its id.</summary>
    public int AddDirectory(string account, string name, params (string Name, int Type)[] fields)
    {
        var data = Account(account);
        lock (data.Gate) return data.AddDirectory(name, fields).Id;
    }

    /// <summary>A directory's entries, each as {key, archived, values: {field name: value}}.</summary>
    public IReadOnlyList<JsonObject> Entries(string account, int directoryId)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var directory = data.Directories[directoryId];
            return directory.Entries.Values.Select(e =>
            {
                var values = new JsonObject();
                foreach (var field in directory.Fields)
                    if (e.Values.TryGetValue(field.Id, out var v)) values[field.Name] = v?.DeepClone();
                return new JsonObject { ["key"] = e.Key, ["archived"] = e.Archived, ["values"] = values };
            }).ToList();
        }
    }

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http) =>
        new PlanfixError(429, 0, "Too many requests").Answer();

    public override IResult ServerError(HttpContext http) => new PlanfixError(500, 0, "Unknown error").Answer();

    public override void Map(RouteGroupBuilder api)
    {
        var rest = api.MapGroup("/rest");
        rest.AddEndpointFilter(async (context, next) => Admit(context.HttpContext) ?? await next(context));
        rest.MapGet("/ping", (HttpRequest r) => Answer(r, (_, _) => new JsonObject { ["result"] = "success" }));
        rest.MapPost("/directory/list", (HttpRequest r) => Answer(r, (d, _) => PlanfixDirectoryApi.Directories(d)));
        rest.MapGet("/customfield/directory/{id:int}", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixDirectoryApi.Fields(d, id)));
        rest.MapPost("/directory/{id:int}/entry/", (int id, HttpRequest r) => Answer(r, (d, b) => PlanfixDirectoryApi.Create(d, id, b!), body: true, created: true));
        rest.MapPost("/directory/{id:int}/entry/list", (int id, HttpRequest r) => Answer(r, (d, b) => PlanfixDirectoryApi.List(d, id, b!), body: true));
        rest.MapGet("/directory/{id:int}/entry/{key:int}", (int id, int key, HttpRequest r) =>
            Answer(r, (d, _) => PlanfixDirectoryApi.Get(d, id, key, r.Query["fields"].FirstOrDefault())));
        rest.MapGet("/customfield/task", (HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.Fields(d.TaskFields)));
        rest.MapGet("/customfield/contact", (HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.Fields(d.ContactFields)));
        rest.MapPost("/customfield/task/", (HttpRequest r) => Answer(r, (d, b) => PlanfixTaskApi.AddField(d, d.TaskFields, 0, b!), body: true, created: true));
        rest.MapPost("/customfield/contact/", (HttpRequest r) => Answer(r, (d, b) => PlanfixTaskApi.AddField(d, d.ContactFields, 1, b!), body: true, created: true));
        rest.MapGet("/task/{id:int}", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.GetTask(d, id, r.Query["fields"].FirstOrDefault())));
        rest.MapPost("/file/", async (HttpRequest r) =>
        {
            PlanfixFile upload;
            try { upload = await PlanfixFiles.ReadUploadAsync(r); }
            catch (PlanfixError e) { return e.Answer(); }
            return await Answer(r, (d, _) => PlanfixFiles.Upload(d, upload));
        });
        rest.MapPost("/file/{id:int}/attach/task", (int id, HttpRequest r) => Answer(r, (d, _) =>
            PlanfixFiles.AttachToTask(d, id, int.TryParse(r.Query["id"].FirstOrDefault(), out var task) ? task : null)));
        rest.MapGet("/task/{id:int}/files", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixFiles.OfTask(d, id)));
        rest.MapPost("/task/list", (HttpRequest r) => Answer(r, (d, b) => PlanfixTaskList.List(d, b!), body: true));
        rest.MapGet("/process/task", (HttpRequest r) => Answer(r, (d, _) => PlanfixTaskList.Processes(d)));
        rest.MapGet("/process/task/{id:int}/statuses", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixTaskList.Statuses(d, id)));
        rest.MapPost("/task/{id:int}", (int id, HttpRequest r) => Answer(r, (d, b) => PlanfixTaskApi.UpdateTask(d, id, b!), body: true));
        rest.MapGet("/contact/{id:int}", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.GetContact(d, id, r.Query["fields"].FirstOrDefault())));
        rest.MapGet("/user/{id}", (string id, HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.GetUser(d, id, r.Query["fields"].FirstOrDefault())));
        rest.MapPost("/contact/{id:int}", (int id, HttpRequest r) => Answer(r, (d, b) => PlanfixTaskApi.UpdateContact(d, id, b!), body: true));
        rest.MapGet("/datatag/{id:int}", (int id, HttpRequest r) => Answer(r, (d, _) => PlanfixTaskApi.GetDataTag(d, id)));
        rest.MapPost("/datatag/{id:int}/entry/list", (int id, HttpRequest r) => Answer(r, (d, b) => PlanfixTaskApi.Entries(d, id, b!), body: true));
        rest.MapPost("/directory/{id:int}/entry/{key:int}", (int id, int key, HttpRequest r) => Answer(r, (d, b) => PlanfixDirectoryApi.Update(d, id, key, b!), body: true));
    }

    private IResult? Admit(HttpContext http)
    {
        var request = http.Request;
        _requests.Enqueue($"{request.Method} {request.Path.Value![(request.Path.Value!.IndexOf("/rest", StringComparison.Ordinal) + 5)..]}");
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim()
            : request.Method == "GET" ? request.Query["access_token"].FirstOrDefault() : null;
        if (token is null || !_tokens.TryGetValue(token, out var account)) return PlanfixError.InvalidToken().Answer();
        if (!_throttle.TryTake(token)) return TooManyRequests(1, http);
        var data = Account(account);
        lock (data.Gate)
        {
            if (data.DailyRequestsLeft <= 0) return PlanfixError.DailyLimit().Answer();
            data.DailyRequestsLeft--;
            http.Response.Headers["X-RateLimit-Remaining"] = data.DailyRequestsLeft.ToString(CultureInfo.InvariantCulture);
        }
        http.Items[nameof(PlanfixAccountData)] = data;
        return null;
    }

    private static async Task<IResult> Answer(HttpRequest request, Func<PlanfixAccountData, JsonObject?, JsonObject> handle, bool body = false, bool created = false)
    {
        try
        {
            var data = (PlanfixAccountData)request.HttpContext.Items[nameof(PlanfixAccountData)]!;
            JsonObject? input = null;
            if (body)
            {
                try { input = await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw PlanfixError.BadJson(); }
                catch (JsonException) { throw PlanfixError.BadJson(); }
            }
            JsonObject result;
            lock (data.Gate) result = handle(data, input);
            return Results.Json(result, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }
        catch (PlanfixError e)
        {
            return e.Answer();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A value of the wrong JSON type where Planfix expects a number or boolean.
            return PlanfixError.BadValue("Invalid parameter value").Answer();
        }
    }
}
