using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>UNAS's wire format: XML in, XML out, errors as a single &lt;Error&gt; with HTTP 400.</summary>
internal static class UnasXml
{
    public static IResult Answer(XElement root, int status = StatusCodes.Status200OK) =>
        Results.Text(new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + root.ToString(SaveOptions.DisableFormatting),
            "application/xml", Encoding.UTF8, status);

    public static IResult Error(string message, int status = StatusCodes.Status400BadRequest) => Answer(new XElement("Error", message), status);

    public static async Task<XElement?> ReadAsync(HttpRequest request)
    {
        try
        {
            var document = await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted);
            return document.Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static decimal? Decimal(XElement? element) =>
        element is not null && decimal.TryParse(element.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static long? Long(XElement? element) =>
        element is not null && long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>A refusal inside the emulator: the text of UNAS's &lt;Error&gt;.</summary>
internal sealed class UnasFault(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Status { get; } = status;
}
