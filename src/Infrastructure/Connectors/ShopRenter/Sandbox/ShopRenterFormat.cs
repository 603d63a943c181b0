using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;

/// <summary>
/// How ShopRenter writes its answers: XML unless the client asks for JSON, every scalar as a string, ids as
/// base64 of <c>&lt;entity&gt;-&lt;column&gt;=&lt;n&gt;</c>, and errors as <c>{message, code}</c> with an inner code.
/// </summary>
internal static class ShopRenterFormat
{
    public static string Id(string entity, string column, int number) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{entity}-{column}={number.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The number inside an id such as <c>b3JkZXItb3JkZXJfaWQ9MTcy</c>; null when it is not one of ours.</summary>
    public static int? Number(string id, string entity)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var prefix = $"{entity}-";
            var equals = text.IndexOf('=');
            return text.StartsWith(prefix, StringComparison.Ordinal) && equals > 0 && int.TryParse(text[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Money(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    public static IResult Answer(HttpRequest request, JsonNode body, int status = StatusCodes.Status200OK) =>
        WantsJson(request)
            ? Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status)
            : Results.Text(new XDocument(new XDeclaration("1.0", "UTF-8", null), ToXml("response", body)).ToString(), "application/xml", Encoding.UTF8, status);

    public static IResult Error(HttpRequest request, int status, int code, string message) =>
        Answer(request, new JsonObject { ["message"] = message, ["code"] = code }, status);

    private static XElement ToXml(string name, JsonNode? node) => node switch
    {
        JsonObject o => new XElement(name, o.Select(p => ToXml(p.Key, p.Value))),
        JsonArray a => new XElement(name, a.Select(i => ToXml("item", i))),
        null => new XElement(name),
        _ => new XElement(name, node.ToString()),
    };
}

/// <summary>A refusal inside the emulator, answered with ShopRenter's status and inner code.</summary>
internal sealed class ShopRenterError(int status, int code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public int Code { get; } = code;
}
