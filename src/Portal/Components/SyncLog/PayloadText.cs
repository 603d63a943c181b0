using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>Shows stored payloads readably: JSON indented, anything else as it is, both cut at a sane length.</summary>
public static class PayloadText
{
    private const int MaxLength = 20_000;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Format(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return null;
        string text;
        try
        {
            text = JsonNode.Parse(stored)?.ToJsonString(Indented) ?? stored;
        }
        catch (JsonException)
        {
            text = stored;
        }
        return text.Length <= MaxLength ? text : text[..MaxLength] + "\n… (cut: the full text is in the CSV export of the run)";
    }
}
