using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Places a value at a dotted target path, creating the nested objects on the way.</summary>
internal static class PayloadWriter
{
    /// <summary>Null when written; otherwise why not (a parent already holds a plain value, or the target is malformed).</summary>
    public static string? Write(JsonObject payload, string target, JsonNode? value)
    {
        // Most targets are a top-level field: no parts to split out.
        if (!target.Contains('.') && TargetPath.IsValid(target))
        {
            payload[target] = value;
            return null;
        }
        if (!TargetPath.TryParse(target, out var parts, out var error))
            return error;
        var current = payload;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!current.TryGetPropertyValue(parts[i], out var child) || child is null)
            {
                child = new JsonObject();
                current[parts[i]] = child;
            }
            if (child is not JsonObject next)
                return $"Target \"{target}\" cannot be written because \"{string.Join('.', parts[..(i + 1)])}\" already holds a value";
            current = next;
        }
        current[parts[^1]] = value;
        return null;
    }
}
