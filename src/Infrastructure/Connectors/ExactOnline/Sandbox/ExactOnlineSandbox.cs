using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// Emulates Exact Online's REST API under /sandbox/exact-online: the OAuth token endpoint with refresh-token
/// rotation, /api/v1/{division}/... with Exact's envelope, paging, sync endpoints, Deleted log, rate-limit
/// headers and error bodies. A sandbox account is a division number.
/// </summary>
public sealed partial class ExactOnlineSandbox : SandboxSystem
{
    public ExactOnlineSandbox(SandboxFaults faults, TimeProvider clock)
    {
        _faults = faults;
        _clock = clock;
        OAuth = new ExactOAuth(clock, Tokens);
        RateLimits = new ExactRateLimits(clock);
    }

    private readonly SandboxFaults _faults;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<int, ExactDivision> _divisions = new();
    private readonly ConcurrentQueue<string> _requests = new();

    public const string SegmentName = "exact-online";
    public override string Segment => SegmentName;

    public ExactOAuth OAuth { get; }
    public ExactRateLimits RateLimits { get; }

    /// <summary>The base URL a connection uses for this emulator (token endpoint at {baseUrl}/api/oauth2/token).</summary>
    public static string BaseUrl(Uri hubAddress) => new Uri(hubAddress, $"sandbox/{SegmentName}").ToString();

    /// <summary>Every API call as "GET /api/v1/{division}/...?query", for tests that count calls.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public int CountRequests(string pathContains) =>
        _requests.Count(r => r.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers an app for the division (created empty when new) and returns its first refresh token.</summary>
    /// <param name="refreshToken">Accept this token as issued instead of a new one: lets a demo tenant keep its stored
    /// (already rotated) token across hub restarts, since the emulator keeps its state in memory.</param>
    public string Connect(string division, string clientId, string clientSecret, string? refreshToken = null) =>
        OAuth.Connect(Division(division).Code, clientId, clientSecret, refreshToken);

    public override void Seed(string account, int size, int seed)
    {
        var division = Division(account);
        lock (division.Lock)
        {
            division.Clear();
            new ExactDataGenerator(division, seed).Generate(size);
        }
    }

    public override void Reset()
    {
        _divisions.Clear();
        _requests.Clear();
        OAuth.Reset();
        RateLimits.Reset();
    }

    public ExactDivision Division(string division)
    {
        if (!int.TryParse(division, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            throw new ArgumentException($"An Exact division is a number, not '{division}'.");
        return _divisions.GetOrAdd(code, c => new ExactDivision(c, $"Sandbox administratie {c}", _clock));
    }

    public override void Map(RouteGroupBuilder api)
    {
        api.MapPost("/api/oauth2/token", TokenAsync).DisableAntiforgery();
        api.MapGet("/api/v1/current/Me", CurrentMe);
        api.MapGet("/api/v1/{division:int}/{**path}", DivisionGet);
        api.MapPost("/api/v1/{division:int}/{**path}", DivisionPostAsync);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return Results.Json(new JsonObject { ["error"] = "invalid_request", ["error_description"] = "Send the token request as application/x-www-form-urlencoded." }, statusCode: 400);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var answer = OAuth.Token(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        if (answer.Reason is not null) request.HttpContext.Response.Headers["Reason"] = answer.Reason;
        return Results.Json(answer.Body, statusCode: answer.Status);
    }

    private IResult CurrentMe(HttpContext http)
    {
        // Calls without a division in the URL carry no rate-limit headers and are not counted.
        if (OAuth.Authenticate(http.Request.Headers.Authorization) is not { } grant) return Unauthorized();
        _requests.Enqueue($"GET {http.Request.Path}{http.Request.QueryString}");
        var d = _divisions.GetValueOrDefault(grant.Division);
        return Results.Json(new JsonObject
        {
            ["d"] = new JsonObject
            {
                ["results"] = new JsonArray(new JsonObject
                {
                    ["__metadata"] = new JsonObject { ["uri"] = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}(guid'3f0e6c1a-9b1e-4c55-8d2f-6a7b8c9d0e1f')", ["type"] = "Exact.Web.Api.System.Me" },
                    ["CurrentDivision"] = grant.Division,
                    ["DivisionCustomerName"] = d?.Name,
                    ["FullName"] = "Sandbox Gebruiker",
                    ["UserID"] = "3f0e6c1a-9b1e-4c55-8d2f-6a7b8c9d0e1f",
                    ["UserName"] = "sandbox@example.nl",
                    ["LanguageCode"] = "nl-NL",
                }),
            },
        });
    }

    private IResult DivisionGet(HttpContext http, int division, string? path)
    {
        var request = http.Request;
        if (OAuth.Authenticate(request.Headers.Authorization) is not { } grant) return Unauthorized();
        if (grant.Division != division) return Error(403, $"You have no access to division {division}.");
        if (!RateLimits.TryTake(grant, http.Response))
            return Error(429, "API rate limit exceeded. Try again after the time in the X-RateLimit-Minutely-Reset header.");
        _requests.Enqueue($"GET {request.Path}{request.QueryString}");
        if (!_divisions.TryGetValue(division, out var d)) return Error(404, $"Division {division} does not exist.");

        path ??= "";
        if (path.Equals("system/Divisions", StringComparison.OrdinalIgnoreCase)) return Divisions(d, request);
        if (path.Equals("read/sync/Sync/SyncTimestamp", StringComparison.OrdinalIgnoreCase)) return SyncTimestamp(d, request);
        var count = path.EndsWith("/$count", StringComparison.Ordinal);
        if (count) path = path[..^"/$count".Length];
        var single = SinglePattern().Match(path);
        var route = single.Success ? single.Groups[1].Value : path;
        if (!Endpoints.TryGetValue(route, out var endpoint))
            return Error(404, $"The resource '{path}' does not exist.");
        try
        {
            lock (d.Lock)
            {
                var set = endpoint.Combined is { } lines ? d.Combined(endpoint.Set, lines) : d.Set(endpoint.Set);
                // Since 2021 Exact insists on a filter where a sync endpoint could read everything cheaper. Whether a
                // count is exempt is not documented: the emulator takes the stricter reading.
                if (!single.Success && endpoint.Kind != ExactEndpointKind.Sync && endpoint.HasSyncTwin && string.IsNullOrWhiteSpace(request.Query["$filter"]))
                    return Error(400, "A $filter is required on this endpoint. Use the sync endpoint to read all records.");
                if (count)
                {
                    var matching = set.Rows.Count(ODataFilter.Parse(request.Query["$filter"].ToString(), set.Fields));
                    return Results.Text(matching.ToString(CultureInfo.InvariantCulture), "text/plain");
                }
                if (single.Success)
                {
                    var row = set.Find(single.Groups[2].Value);
                    var self = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
                    return row is null ? Error(404, "Record not found.") : Results.Json(ODataList.Single(set, row, request, self[..self.LastIndexOf('(')]));
                }
                return Results.Json(ODataList.Answer(set, endpoint.Kind, request, () => _faults.TakeMalformed(Segment)));
            }
        }
        catch (ODataQueryException e)
        {
            return Error(400, e.Message);
        }
    }

    private async Task<IResult> DivisionPostAsync(HttpContext http, int division, string? path)
    {
        var request = http.Request;
        if (OAuth.Authenticate(request.Headers.Authorization) is not { } grant) return Unauthorized();
        if (grant.Division != division) return Error(403, $"You have no access to division {division}.");
        if (!RateLimits.TryTake(grant, http.Response))
            return Error(429, "API rate limit exceeded. Try again after the time in the X-RateLimit-Minutely-Reset header.");
        _requests.Enqueue($"POST {request.Path}{request.QueryString}");
        if (!_divisions.TryGetValue(division, out var d)) return Error(404, $"Division {division} does not exist.");
        if (!string.Equals(path, "purchaseorder/PurchaseOrders", StringComparison.OrdinalIgnoreCase))
            return Error(405, "The sandbox accepts POST only on purchaseorder/PurchaseOrders.");

        JsonObject? body;
        try { body = await JsonNode.ParseAsync(request.Body, cancellationToken: http.RequestAborted) as JsonObject; }
        catch (System.Text.Json.JsonException) { body = null; }
        if (body is null) return Error(400, "Error processing request stream. The request should be a valid top-level resource object.");

        lock (d.Lock)
        {
            var (order, error) = ExactPurchaseOrderPost.Create(d, body, _clock.GetUtcNow());
            if (order is null) return Error(400, error!);
            var set = d.Set(ExactDivision.PurchaseOrders);
            var uri = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
            // Without "Prefer: return=representation" some Exact endpoints answer only the new key.
            var full = request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase);
            var answer = full
                ? ODataList.Single(set, order, request, uri)
                : new JsonObject { ["d"] = new JsonObject { ["__metadata"] = new JsonObject { ["uri"] = $"{uri}(guid'{order["PurchaseOrderID"]}')", ["type"] = set.Type }, ["PurchaseOrderID"] = order["PurchaseOrderID"]?.DeepClone() } };
            if (full) answer["d"]!["PurchaseOrderLines"] = new JsonObject
            {
                ["results"] = new JsonArray(set.LinesOf("PurchaseOrderLines", (string)order["PurchaseOrderID"]!).Select(l => (JsonNode)l.DeepClone()).ToArray()),
            };
            return Results.Json(answer, statusCode: StatusCodes.Status201Created);
        }
    }

    /// <summary>
    /// read/sync/Sync/SyncTimestamp: the Timestamp of the first record modified on or after a date, so a sync can
    /// start at a date instead of reading everything.
    /// </summary>
    private static IResult SyncTimestamp(ExactDivision d, HttpRequest request)
    {
        var endPoint = request.Query["endPoint"].ToString().Trim('\'');
        var modified = request.Query["modified"].ToString();
        if (modified.StartsWith("datetime'", StringComparison.Ordinal)) modified = modified[9..^1];
        if (!SyncTimestampSets.TryGetValue(endPoint, out var setName)
            || !DateTime.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var from))
            return Error(400, "Give modified=datetime'yyyy-MM-dd' and a supported endPoint.");
        ExactDate.TryParseMilliseconds(ExactDate.Format(from), out var fromMs);
        lock (d.Lock)
        {
            var first = d.Set(setName).Rows
                .Where(r => ExactDate.TryParseMilliseconds((string?)r["Modified"], out var ms) && ms >= fromMs)
                .OrderBy(r => (long)r["Timestamp"]!).FirstOrDefault();
            var results = new JsonArray();
            if (first is not null)
                results.Add(new JsonObject { ["Modified"] = first["Modified"]?.DeepClone(), ["API"] = endPoint, ["TimeStampAsBigInt"] = (long)first["Timestamp"]! });
            return Results.Json(new JsonObject { ["d"] = new JsonObject { ["results"] = results } });
        }
    }

    private static readonly Dictionary<string, string> SyncTimestampSets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SalesOrderHeaders"] = ExactDivision.SalesOrders,
        ["SalesOrderLines"] = ExactDivision.SalesOrderLines,
        ["SalesInvoices"] = ExactDivision.SalesInvoices,
        ["PurchaseOrders"] = ExactDivision.PurchaseOrders,
        ["ShopOrders"] = ExactDivision.ShopOrders,
        ["BillOfMaterialVersions"] = ExactDivision.BillOfMaterialVersions,
        ["BillOfMaterialMaterials"] = ExactDivision.BillOfMaterialMaterials,
    };

    private static IResult Divisions(ExactDivision d, HttpRequest request) =>
        Results.Json(new JsonObject
        {
            ["d"] = new JsonObject
            {
                ["results"] = new JsonArray(new JsonObject
                {
                    ["__metadata"] = new JsonObject { ["uri"] = $"{request.Scheme}://{request.Host}{request.Path}({d.Code})", ["type"] = "Exact.Web.Api.Models.HRM.Division" },
                    ["Code"] = d.Code,
                    ["Description"] = d.Name,
                    ["Currency"] = "EUR",
                    ["Country"] = "NL",
                    ["DivisionMoveDate"] = ExactDate.Format(d.DivisionMoveDate),
                }),
            },
        });

    /// <param name="Combined">For sync PurchaseOrders/SalesInvoices: the line collection merged into the header rows.</param>
    private sealed record Endpoint(string Set, ExactEndpointKind Kind, bool HasSyncTwin, string? Combined = null);

    private static readonly Dictionary<string, Endpoint> Endpoints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logistics/Items"] = new(ExactDivision.Items, ExactEndpointKind.Regular, true),
        ["bulk/Logistics/Items"] = new(ExactDivision.Items, ExactEndpointKind.Bulk, true),
        ["sync/Logistics/Items"] = new(ExactDivision.Items, ExactEndpointKind.Sync, true),
        ["logistics/SalesItemPrices"] = new(ExactDivision.SalesItemPrices, ExactEndpointKind.Regular, true),
        ["bulk/Logistics/SalesItemPrices"] = new(ExactDivision.SalesItemPrices, ExactEndpointKind.Bulk, true),
        ["sync/Logistics/SalesItemPrices"] = new(ExactDivision.SalesItemPrices, ExactEndpointKind.Sync, true),
        ["inventory/Warehouses"] = new(ExactDivision.Warehouses, ExactEndpointKind.Regular, false),
        ["inventory/ItemWarehouses"] = new(ExactDivision.ItemWarehouses, ExactEndpointKind.Regular, true),
        ["sync/Inventory/ItemWarehouses"] = new(ExactDivision.ItemWarehouses, ExactEndpointKind.Sync, true),
        ["crm/Accounts"] = new(ExactDivision.Accounts, ExactEndpointKind.Regular, true),
        ["bulk/CRM/Accounts"] = new(ExactDivision.Accounts, ExactEndpointKind.Bulk, true),
        ["sync/CRM/Accounts"] = new(ExactDivision.Accounts, ExactEndpointKind.Sync, true),
        ["logistics/SupplierItem"] = new(ExactDivision.SupplierItem, ExactEndpointKind.Regular, true),
        ["sync/Logistics/SupplierItem"] = new(ExactDivision.SupplierItem, ExactEndpointKind.Sync, true),
        ["sync/Deleted"] = new(ExactDivision.Deleted, ExactEndpointKind.Sync, true),
        ["manufacturing/BillOfMaterialVersions"] = new(ExactDivision.BillOfMaterialVersions, ExactEndpointKind.Regular, true),
        ["sync/Manufacturing/BillOfMaterialVersions"] = new(ExactDivision.BillOfMaterialVersions, ExactEndpointKind.Sync, true),
        ["manufacturing/BillOfMaterialMaterials"] = new(ExactDivision.BillOfMaterialMaterials, ExactEndpointKind.Regular, true),
        ["sync/Manufacturing/BillOfMaterialMaterials"] = new(ExactDivision.BillOfMaterialMaterials, ExactEndpointKind.Sync, true),
        ["salesorder/SalesOrders"] = new(ExactDivision.SalesOrders, ExactEndpointKind.Regular, true),
        ["bulk/SalesOrder/SalesOrders"] = new(ExactDivision.SalesOrders, ExactEndpointKind.Bulk, true),
        ["sync/SalesOrder/SalesOrderHeaders"] = new(ExactDivision.SalesOrders, ExactEndpointKind.Sync, true),
        ["salesorder/SalesOrderLines"] = new(ExactDivision.SalesOrderLines, ExactEndpointKind.Regular, true),
        ["bulk/SalesOrder/SalesOrderLines"] = new(ExactDivision.SalesOrderLines, ExactEndpointKind.Bulk, true),
        ["sync/SalesOrder/SalesOrderLines"] = new(ExactDivision.SalesOrderLines, ExactEndpointKind.Sync, true),
        ["salesinvoice/SalesInvoices"] = new(ExactDivision.SalesInvoices, ExactEndpointKind.Regular, true),
        ["bulk/SalesInvoice/SalesInvoices"] = new(ExactDivision.SalesInvoices, ExactEndpointKind.Bulk, true),
        ["salesinvoice/SalesInvoiceLines"] = new(ExactDivision.SalesInvoiceLines, ExactEndpointKind.Regular, true),
        ["bulk/SalesInvoice/SalesInvoiceLines"] = new(ExactDivision.SalesInvoiceLines, ExactEndpointKind.Bulk, true),
        ["sync/SalesInvoice/SalesInvoices"] = new(ExactDivision.SalesInvoices, ExactEndpointKind.Sync, true, "SalesInvoiceLines"),
        ["purchaseorder/PurchaseOrders"] = new(ExactDivision.PurchaseOrders, ExactEndpointKind.Regular, true),
        ["purchaseorder/PurchaseOrderLines"] = new(ExactDivision.PurchaseOrderLines, ExactEndpointKind.Regular, true),
        ["sync/PurchaseOrder/PurchaseOrders"] = new(ExactDivision.PurchaseOrders, ExactEndpointKind.Sync, true, "PurchaseOrderLines"),
        ["purchaseorder/GoodsReceiptLines"] = new(ExactDivision.GoodsReceiptLines, ExactEndpointKind.Regular, false),
        ["manufacturing/ShopOrders"] = new(ExactDivision.ShopOrders, ExactEndpointKind.Regular, true),
        ["sync/Manufacturing/ShopOrders"] = new(ExactDivision.ShopOrders, ExactEndpointKind.Sync, true),
        ["inventory/AssemblyOrders"] = new(ExactDivision.AssemblyOrders, ExactEndpointKind.Regular, false),
    };

    [GeneratedRegex(@"^(.+)\(guid'([0-9a-fA-F-]{36})'\)$")]
    private static partial Regex SinglePattern();

    /// <summary>Exact's JSON error body.</summary>
    public static IResult Error(int status, string message) =>
        Results.Json(new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = "", ["message"] = new JsonObject { ["lang"] = "", ["value"] = message } },
        }, statusCode: status);

    private static IResult Unauthorized() => Error(401, "Unauthorized: the access token is missing, expired or not valid.");

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (OAuth.Authenticate(http.Request.Headers.Authorization) is { } grant) RateLimits.Describe(grant, http.Response);
        return Error(429, "API rate limit exceeded.");
    }

    public override IResult ServerError(HttpContext http) =>
        Error(500, "A problem has occurred. The cause of this issue will be investigated as soon as possible.");
}
