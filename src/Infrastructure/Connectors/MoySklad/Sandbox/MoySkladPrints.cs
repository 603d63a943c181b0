using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// Document printing: the embedded print templates of a document type (<c>GET /entity/{type}/metadata/embeddedtemplate</c>)
/// and <c>POST /entity/{type}/{id}/export/</c> with <c>{"template": {"meta": …}, "extension": "xls|pdf|html|ods"}</c>,
/// answered 303 with the <c>Location</c> of the file (MoySklad's link is temporary and needs no authorization).
/// </summary>
internal sealed class MoySkladPrints
{
    public const string DownloadPath = "/sandbox/moysklad/download";
    private static readonly HashSet<string> Extensions = ["xls", "pdf", "html", "ods"];
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> _files = new();

    /// <summary>One embedded template per document type, with a fixed id so a client may keep it.</summary>
    public static JsonObject Template(string type)
    {
        var id = new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes("template:" + type))).ToString("D");
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["href"] = $"{MoySkladAccountData.Host}/entity/{type}/metadata/embeddedtemplate/{id}", ["type"] = "embeddedtemplate", ["mediaType"] = "application/json",
            },
            ["id"] = id,
            ["name"] = type == "invoiceout" ? "Счет покупателю" : "Печатная форма",
            ["type"] = "entity",
            ["content"] = $"{MoySkladAccountData.Host}/download/{id}",
        };
    }

    /// <summary>Prints the document; the answer is the file's address below <paramref name="hubBase"/>.</summary>
    public string Export(MoySkladAccountData data, string type, string id, JsonObject body, string hubBase)
    {
        foreach (var (key, _) in body)
            if (key is not ("template" or "extension")) throw MoySkladError.UnknownField(key);
        var document = data.Collection(type)?.GetValueOrDefault(id) ?? throw MoySkladError.NotFound(type, id);
        var extension = body["extension"]?.ToString() ?? throw MoySkladError.Required("extension");
        if (!Extensions.Contains(extension)) throw new MoySkladError(412, 1002, $"Неверное значение параметра 'extension': '{extension}'", "extension");
        var template = Template(type);
        if (body["template"]?["meta"]?["href"]?.ToString() != template["meta"]!["href"]!.ToString())
            throw new MoySkladError(412, 2010, "Неверная ссылка на шаблон печатной формы", "template");
        var text = $"{template["name"]} № {document["name"]} от {document["moment"]}, сумма {document["sum"]}";
        // The first bytes of each format, so a client can tell what it received.
        var (prefix, contentType) = extension switch
        {
            "pdf" => ("%PDF-1.4\n", "application/pdf"),
            "xls" => ("\u00d0\u00cf\u0011\u00e0", "application/vnd.ms-excel"),
            "ods" => ("PK", "application/vnd.oasis.opendocument.spreadsheet"),
            _ => ("<html>", "text/html"),
        };
        var content = Encoding.Latin1.GetBytes(prefix).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var token = Guid.NewGuid().ToString("N");
        _files[token] = (content, contentType);
        return $"{hubBase}{DownloadPath}/{token}";
    }

    public IResult Download(string token) =>
        _files.TryGetValue(token, out var file) ? Results.Bytes(file.Content, file.ContentType) : Results.NotFound();
}
