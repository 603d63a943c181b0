using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>Checks a custom field value against its field's type as Planfix does (wrong type: code 41).</summary>
internal static class PlanfixValues
{
    public static JsonNode? Check(PlanfixField field, JsonNode? value)
    {
        if (value is null) return null;
        var kind = value.GetValueKind();
        var ok = field.Type switch
        {
            0 or 2 => kind == JsonValueKind.String,
            1 => kind == JsonValueKind.Number,
            7 => kind is JsonValueKind.True or JsonValueKind.False,
            8 => kind == JsonValueKind.String && (field.EnumValues.Count == 0 || field.EnumValues.Contains(value.ToString())),
            // Employee: {"id":"user:3"} (a bare number is taken too).
            11 => value is JsonObject reference && UserNumber(reference["id"]) is not null,
            _ => true,
        };
        return ok ? value.DeepClone() : throw PlanfixError.BadValue($"Invalid value for custom field {field.Id} ({field.Name}) of type {field.Type}");
    }

    /// <summary>The number of a user reference: <c>"user:3"</c>, <c>"3"</c> or <c>3</c>.</summary>
    public static int? UserNumber(JsonNode? id)
    {
        var text = id?.GetValueKind() == JsonValueKind.Number ? id.ToJsonString() : id?.ToString();
        if (text is null) return null;
        if (text.StartsWith("user:", StringComparison.Ordinal)) text = text[5..];
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
