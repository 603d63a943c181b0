using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>A parsed copy path: property names separated by dots, each optionally followed by [index].</summary>
internal sealed class SourcePath
{
    // An array, not a list interface: resolving runs per field per record, and an interface's enumerator is boxed.
    private readonly Step[] _steps;

    private SourcePath(Step[] steps) => _steps = steps;

    // A run applies the same mapping, so the same few paths, to every record: each text is parsed once. The cap only
    // keeps a process that sees endless distinct paths (previews of typed-in paths) from growing without end.
    private static readonly ConcurrentDictionary<string, (bool Parsed, SourcePath Path, string Error)> Known = new(StringComparer.Ordinal);
    private const int MostKnown = 10_000;

    public static bool TryParse(string? text, out SourcePath path, out string error)
    {
        if (text is not null && Known.TryGetValue(text, out var known))
        {
            (path, error) = (known.Path, known.Error);
            return known.Parsed;
        }
        var parsed = TryParseText(text, out path, out error);
        if (text is not null && Known.Count < MostKnown) Known.TryAdd(text, (parsed, path, error));
        return parsed;
    }

    private static bool TryParseText(string? text, out SourcePath path, out string error)
    {
        path = new SourcePath([]);
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Source path must not be empty";
            return false;
        }
        var steps = new List<Step>();
        foreach (var segment in text.Split('.'))
        {
            if (!TryParseSegment(segment, steps, out var reason))
            {
                error = $"Source path \"{text}\" is not valid: {reason}";
                return false;
            }
        }
        path = new SourcePath([.. steps]);
        return true;
    }

    /// <summary>False when the path leads nowhere; a property that holds null is found, with value null.</summary>
    public bool TryResolve(JsonObject root, out JsonNode? value)
    {
        JsonNode? current = root;
        foreach (var step in _steps)
        {
            switch (current)
            {
                case JsonObject obj when step.Name is not null && obj.TryGetPropertyValue(step.Name, out var child):
                    current = child;
                    break;
                case JsonArray array when step.Name is null && step.Index < array.Count:
                    current = array[step.Index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }
        value = current;
        return true;
    }

    private static bool TryParseSegment(string segment, List<Step> steps, out string reason)
    {
        reason = "";
        var bracket = segment.IndexOf('[');
        var name = bracket < 0 ? segment : segment[..bracket];
        if (name.Length == 0)
        {
            reason = "a part between dots is empty";
            return false;
        }
        if (name.Any(c => char.IsWhiteSpace(c) || c == ']'))
        {
            reason = $"\"{name}\" contains a space or a stray ]";
            return false;
        }
        steps.Add(new Step(name, 0));
        var rest = bracket < 0 ? "" : segment[bracket..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']');
            if (rest[0] != '[' || close < 0)
            {
                reason = $"\"{segment}\" has an unclosed or misplaced [";
                return false;
            }
            var index = rest[1..close];
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                reason = $"index \"{index}\" is not a whole number of 0 or more";
                return false;
            }
            steps.Add(new Step(null, number));
            rest = rest[(close + 1)..];
        }
        return true;
    }

    private readonly record struct Step(string? Name, int Index);
}
