using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// Writes Optiply's JSON:API-like documents: <c>data.id</c> as text, <c>attributes</c>, relationship
/// <c>links.related</c>, and for lists <c>links.next</c> (null on the last page) and <c>meta.totalResourceCount</c>.
/// </summary>
internal static class OptiplyDocuments
{
    public const string MediaType = "application/vnd.api+json";

    public static IResult Single(HttpRequest request, OptiplyRecord record, int status = 200) =>
        Results.Json(new JsonObject { ["data"] = Resource(request, record) }, contentType: MediaType, statusCode: status);

    public static IResult List(HttpRequest request, IReadOnlyList<OptiplyRecord> page, int total, OptiplyListQuery query, Func<OptiplyRecord, JsonObject>? corrupt = null)
    {
        var data = new JsonArray(page.Select(r => (JsonNode)(corrupt?.Invoke(r) ?? Resource(request, r))).ToArray());
        var hasNext = query.Offset + query.Limit < total;
        return Results.Json(new JsonObject
        {
            ["data"] = data,
            ["links"] = new JsonObject { ["next"] = hasNext ? NextUrl(request, query) : null },
            ["meta"] = new JsonObject { ["totalResourceCount"] = total },
        }, contentType: MediaType);
    }

    public static JsonObject Resource(HttpRequest request, OptiplyRecord record)
    {
        var type = OptiplyResourceTypes.All.GetValueOrDefault(record.Type);
        var resource = new JsonObject
        {
            ["id"] = record.Id.ToString(CultureInfo.InvariantCulture),
            ["type"] = record.Type,
            ["attributes"] = record.Attributes.DeepClone(),
        };
        if (type is { Relationships.Count: > 0 })
        {
            var links = new JsonObject();
            foreach (var relationship in type.Relationships)
                links[relationship.Name] = new JsonObject
                {
                    ["links"] = new JsonObject { ["related"] = $"{ApiRoot(request)}/{record.Type}/{record.Id}/{relationship.Name}" },
                };
            resource["relationships"] = links;
        }
        return resource;
    }

    /// <summary>The absolute URL of the API root (".../v1") the request came in on.</summary>
    public static string ApiRoot(HttpRequest request)
    {
        var path = request.PathBase + request.Path;
        var value = path.Value ?? "";
        var root = value[..(value.IndexOf("/v1/", StringComparison.Ordinal) + "/v1".Length)];
        return $"{request.Scheme}://{request.Host}{root}";
    }

    private static string NextUrl(HttpRequest request, OptiplyListQuery query)
    {
        var parameters = request.Query
            .Where(p => p.Key is not "page[offset]" and not "page[limit]")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page[limit]", query.Limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("page[offset]", (query.Offset + query.Limit).ToString(CultureInfo.InvariantCulture)));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(parameters));
    }
}
