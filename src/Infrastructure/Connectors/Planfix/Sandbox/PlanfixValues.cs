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
            _ => true,
        };
        return ok ? value.DeepClone() : throw PlanfixError.BadValue($"Invalid value for custom field {field.Id} ({field.Name}) of type {field.Type}");
    }
}
