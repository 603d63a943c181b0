using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// Writes a MoySklad answer: JSON, gzip-compressed (the API compresses what it sends, since it only takes clients
/// that accept gzip), with the emulator's relative hrefs made absolute for the host the client called.
/// </summary>
internal sealed class MoySkladAnswer(JsonNode? body, int status = StatusCodes.Status200OK) : IResult
{
    public static string ApiBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{MoySkladSandbox.ApiPath}";

    /// <summary>Client hrefs on this host back to the stored relative form.</summary>
    public static string Relative(HttpRequest request, string text) => text.Replace(ApiBase(request), MoySkladAccountData.Host, StringComparison.Ordinal);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        if (body is null) return;
        var text = body.ToJsonString().Replace("\"" + MoySkladAccountData.Host, "\"" + ApiBase(http.Request), StringComparison.Ordinal);
        http.Response.ContentType = "application/json;charset=utf-8";
        http.Response.Headers.ContentEncoding = "gzip";
        await using var gzip = new GZipStream(http.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await gzip.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
    }

    public static MoySkladAnswer Error(MoySkladError error) => new(error.Body(), error.Status);

    /// <summary>The list envelope: context, meta with size/limit/offset and next/previous hrefs, rows.</summary>
    public static JsonObject List(HttpRequest request, string path, IReadOnlyList<JsonObject> all, int limit, int offset, string type)
    {
        var page = all.Skip(offset).Take(limit).Select(r => r.DeepClone()).ToArray();
        var meta = new JsonObject
        {
            ["href"] = $"{MoySkladAccountData.Host}{path}?limit={limit}&offset={offset}",
            ["type"] = type,
            ["mediaType"] = "application/json",
            ["size"] = all.Count,
            ["limit"] = limit,
            ["offset"] = offset,
        };
        var rest = Rest(request);
        if (offset + limit < all.Count) meta["nextHref"] = $"{MoySkladAccountData.Host}{path}?limit={limit}&offset={offset + limit}{rest}";
        if (offset > 0) meta["previousHref"] = $"{MoySkladAccountData.Host}{path}?limit={limit}&offset={Math.Max(0, offset - limit)}{rest}";
        return new JsonObject
        {
            ["context"] = new JsonObject { ["employee"] = new JsonObject { ["meta"] = new JsonObject
            {
                ["href"] = $"{MoySkladAccountData.Host}/context/employee", ["metadataHref"] = $"{MoySkladAccountData.Host}/entity/employee/metadata",
                ["type"] = "employee", ["mediaType"] = "application/json",
            } } },
            ["meta"] = meta,
            ["rows"] = new JsonArray(page),
        };
    }

    private static string Rest(HttpRequest request) =>
        string.Concat(request.Query.Where(q => q.Key is not "limit" and not "offset")
            .Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
}
