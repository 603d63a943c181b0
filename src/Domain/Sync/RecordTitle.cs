using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Sync;

/// <summary>
/// How a flow names a source record for people: parts such as "Order {OrderNumber}" or "{Code}", each filled from the
/// record's fields (copy paths, e.g. "{buyer.name}"), joined by " · ". A part whose fields are all empty is left out,
/// so "ART-01234 · Steel stool" loses no words when the description is missing.
/// </summary>
public sealed partial class RecordTitle
{
    /// <summary>The longest title kept: enough for a code, a description and a customer; the log column is this wide.</summary>
    public const int MaxLength = 200;

    private readonly Part[] _parts;

    public RecordTitle(params string[] parts) => _parts = [.. parts.Select(Parse)];

    /// <summary>No title: the log shows the record's id alone.</summary>
    public static RecordTitle None { get; } = new();

    public string? Of(JsonObject record)
    {
        var title = new StringBuilder();
        foreach (var part in _parts)
        {
            var text = part.Fill(record);
            if (text is null) continue;
            if (title.Length > 0) title.Append(" · ");
            title.Append(text);
        }
        if (title.Length == 0) return null;
        return title.Length <= MaxLength ? title.ToString() : title.ToString(0, MaxLength - 1) + "…";
    }

    private static Part Parse(string template)
    {
        var fields = new List<SourcePath>();
        var literals = new List<string>();
        var end = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            if (!SourcePath.TryParse(match.Groups[1].Value, out var path, out var error))
                throw new ArgumentException($"Record title part \"{template}\": {error}", nameof(template));
            literals.Add(template[end..match.Index]);
            fields.Add(path);
            end = match.Index + match.Length;
        }
        if (fields.Count == 0)
            throw new ArgumentException($"Record title part \"{template}\" names no field in braces", nameof(template));
        literals.Add(template[end..]);
        return new Part([.. literals], [.. fields]);
    }

    /// <summary>A template split once into its text around the fields (one more literal than fields): every record of a run is named.</summary>
    private sealed record Part(string[] Literals, SourcePath[] Fields)
    {
        public string? Fill(JsonObject record)
        {
            var values = new string?[Fields.Length];
            var any = false;
            for (var i = 0; i < Fields.Length; i++)
            {
                values[i] = Fields[i].TryResolve(record, out var value) ? Text(value) : null;
                any |= values[i] is not null;
            }
            if (!any) return null;
            // "{Code}" alone is the field's text as it is.
            if (Fields.Length == 1 && Literals[0].Length == 0 && Literals[1].Length == 0) return values[0];
            var text = new StringBuilder(Literals[0]);
            for (var i = 0; i < Fields.Length; i++) text.Append(values[i]).Append(Literals[i + 1]);
            return text.ToString().Trim();
        }

        private static string? Text(JsonNode? node)
        {
            if (node is not JsonValue value) return null;
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            // Exact pads account codes with spaces ("     50012"); people read the code without them.
            text = text.Trim();
            return text.Length == 0 ? null : text;
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
