using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// The emulator's <c>/v1</c> resources: list, read, related, create, update, delete, each behind Optiply's
/// bearer token, media type, account scope and rate limit, answering in Optiply's documents and errors.
/// </summary>
internal sealed class OptiplyApi(
    OptiplyStore store, OptiplyRateLimit rateLimit, SandboxTokens tokens, Func<bool> takeMalformed, Func<int, HttpContext, IResult> tooManyRequests)
{
    private const string AccountKey = "optiply.account";

    public void Map(RouteGroupBuilder v1)
    {
        v1.AddEndpointFilter(async (context, next) => Admit(context.HttpContext) ?? await next(context));
        v1.MapGet("/accounts", (HttpContext http) => Accounts(http));
        v1.MapGet("/{type}", (string type, HttpContext http) => Answer(() => List(http, type)));
        v1.MapGet("/{type}/{id}", (string type, string id, HttpContext http) =>
            Answer(() => OptiplyDocuments.Single(http.Request, store.Get(Account(http), Resource(type), Id(type, id)))));
        v1.MapGet("/{type}/{id}/{relationship}", (string type, string id, string relationship, HttpContext http) =>
            Answer(() => Related(http, type, id, relationship)));
        v1.MapPost("/{type}", (string type, HttpContext http) => AnswerAsync(() => CreateAsync(http, type)));
        v1.MapPatch("/{type}/{id}", (string type, string id, HttpContext http) => AnswerAsync(() => UpdateAsync(http, type, id)));
        v1.MapDelete("/{type}/{id}", (string type, string id, HttpContext http) => Answer(() =>
        {
            store.Delete(Account(http), Resource(type), Id(type, id));
            return Results.NoContent();
        }));
    }

    /// <summary>Authentication, rate limit, media type and account scope of every API call; null lets it through.</summary>
    private IResult? Admit(HttpContext http)
    {
        var account = tokens.FromHeader(http.Request.Headers.Authorization);
        if (account is null)
        {
            // Spring's resource server answer for a missing, unknown or expired bearer token.
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"Invalid access token\"";
            return Results.Json(new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Invalid access token" },
                statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!rateLimit.TryTake(account)) return tooManyRequests(1, http);
        // Optiply requires its media type on every request, GET included.
        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith(OptiplyDocuments.MediaType, StringComparison.OrdinalIgnoreCase))
            return OptiplyError.Answer(StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {OptiplyDocuments.MediaType}");
        // What Optiply does with another account's id is not documented; refusing it exposes a misconfigured connection.
        var asked = http.Request.Query["accountId"].FirstOrDefault() ?? http.Request.Query["filter[accountId]"].FirstOrDefault();
        if (asked is not null && asked != account)
            return OptiplyError.Answer(StatusCodes.Status403Forbidden, $"accountId {asked} is not an account of this user");
        http.Items[AccountKey] = account;
        return null;
    }

    private IResult Accounts(HttpContext http)
    {
        var account = Account(http);
        var record = new OptiplyRecord("accounts", long.TryParse(account, out var id) ? id : 1,
            new JsonObject { ["name"] = $"Sandbox account {account}" });
        var query = new OptiplyListQuery(OptiplyListQuery.DefaultLimit, 0, [], []);
        return OptiplyDocuments.List(http.Request, [record], 1, query);
    }

    private IResult List(HttpContext http, string type)
    {
        var resource = Resource(type);
        var query = OptiplyListQuery.Parse(http.Request.Query, resource);
        var (page, total) = store.List(Account(http), resource, query, Coupling(http));
        return OptiplyDocuments.List(http.Request, page, total, query, Corrupt(http));
    }

    private IResult Related(HttpContext http, string type, string id, string name)
    {
        var resource = Resource(type);
        var record = store.Get(Account(http), resource, Id(type, id));
        var relationship = resource.Relationships.FirstOrDefault(r => r.Name == name)
            ?? throw new OptiplyError(404, $"{type} have no relationship {name}");
        var target = OptiplyResourceTypes.All[relationship.TargetType];
        if (!relationship.ToMany)
            return OptiplyDocuments.Single(http.Request, store.Get(Account(http), target, (long)record.Attributes[relationship.Attribute]!));
        var query = OptiplyListQuery.Parse(http.Request.Query, target);
        query = query with { Filters = [.. query.Filters, new OptiplyFilter(relationship.Attribute, "EQ", record.Id.ToString(CultureInfo.InvariantCulture))] };
        var (page, total) = store.List(Account(http), target, query, Coupling(http));
        return OptiplyDocuments.List(http.Request, page, total, query, Corrupt(http));
    }

    private async Task<IResult> CreateAsync(HttpContext http, string type)
    {
        var resource = Resource(type);
        var (_, attributes) = await ReadDataAsync(http.Request, type);
        var id = store.Create(Account(http), resource, attributes, Coupling(http), fromApi: true);
        return OptiplyDocuments.Single(http.Request, store.Get(Account(http), resource, id), StatusCodes.Status201Created);
    }

    private async Task<IResult> UpdateAsync(HttpContext http, string type, string id)
    {
        var resource = Resource(type);
        var key = Id(type, id);
        var (bodyId, attributes) = await ReadDataAsync(http.Request, type);
        if (bodyId is not null && bodyId != key.ToString(CultureInfo.InvariantCulture))
            throw new OptiplyError(400, $"data.id {bodyId} does not match the id {key} in the URL");
        store.Update(Account(http), resource, key, attributes, Coupling(http));
        return OptiplyDocuments.Single(http.Request, store.Get(Account(http), resource, key));
    }

    /// <summary>Reads <c>{"data":{"type","id"?,"attributes"}}</c>.</summary>
    private static async Task<(string? Id, JsonObject Attributes)> ReadDataAsync(HttpRequest request, string type)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new OptiplyError(400, "The request body is not valid JSON");
        }
        if (body?["data"] is not JsonObject data) throw new OptiplyError(400, "The request body must be {\"data\": {\"type\": .., \"attributes\": {..}}}");
        if (data["type"] is { } given && given.GetValueKind() == JsonValueKind.String && given.GetValue<string>() != type)
            throw new OptiplyError(400, $"data.type must be {type}");
        if (data["attributes"] is not JsonObject attributes) throw new OptiplyError(400, "data.attributes must be an object");
        var id = data["id"] is { } idNode && OptiplyValues.TryId(idNode, out var parsed) ? parsed.ToString(CultureInfo.InvariantCulture) : null;
        return (id, attributes);
    }

    // An injected "malformed record" fault: a record whose attributes have the wrong types, as a reader must survive.
    private Func<OptiplyRecord, JsonObject> Corrupt(HttpContext http) => record =>
    {
        var resource = OptiplyDocuments.Resource(http.Request, record);
        if (!takeMalformed()) return resource;
        var attributes = (JsonObject)resource["attributes"]!;
        attributes["updatedAt"] = 20240101;
        foreach (var money in new[] { "price", "totalValue", "subtotalValue" })
            if (attributes.ContainsKey(money)) attributes[money] = "not a number";
        return resource;
    };

    private static IResult Answer(Func<IResult> action)
    {
        try { return action(); }
        catch (OptiplyError e) { return e.ToResult(); }
    }

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (OptiplyError e) { return e.ToResult(); }
    }

    private static string Account(HttpContext http) => (string)http.Items[AccountKey]!;

    // Writers append couplingId to their calls; it keys the remoteIds they write.
    private static string? Coupling(HttpContext http) => http.Request.Query["couplingId"].FirstOrDefault() is { Length: > 0 } c ? c : null;

    private static OptiplyResourceType Resource(string type) =>
        OptiplyResourceTypes.All.GetValueOrDefault(type) ?? throw new OptiplyError(404, $"Unknown resource {type}");

    private static long Id(string type, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new OptiplyError(404, $"{OptiplyStore.Singular(type)} with id {id} not found");
}
