using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>
/// What a target field accepts: its JSON type ("text", "number", "id", "boolean", "date", "datetime", "list") and,
/// where the target system declares one, the allowed range of a number (Optiply's deliveryTime: 1-365). A value the
/// target would refuse is caught in the editor instead of failing every record of the next run.
/// </summary>
public sealed record TargetType(string Name, string Type, decimal? Min = null, decimal? Max = null)
{
    /// <summary>The field's type and range as a person reads it: "a number (1-365)".</summary>
    public string Expected => Type switch
    {
        "number" => "a number" + Range,
        "id" => "an id (a number or text)",
        "boolean" => "true or false",
        "date" or "datetime" => "a date (ISO 8601 text, e.g. 2024-03-01)",
        "list" => "a list",
        "text" => "text",
        _ => $"a value of type {Type}",
    };

    private string Range => (Min, Max) switch
    {
        ({ } min, { } max) => $" ({Values.NumberText(min)}-{Values.NumberText(max)})",
        ({ } min, null) => $" (at least {Values.NumberText(min)})",
        (null, { } max) => $" (at most {Values.NumberText(max)})",
        _ => "",
    };

    /// <summary>Whether a rule that yields values of these kinds can fill this field; null (clearing it) always can.</summary>
    internal bool Accepts(ValueKinds kinds) => (kinds & ~Allowed) == 0;

    /// <summary>Why a computed or fixed value cannot be written to this field, or null when it can.</summary>
    public string? Refuses(JsonNode? value)
    {
        var kind = Values.KindOf(value);
        if (kind is JsonValueKind.Null or JsonValueKind.Undefined)
            return null;
        var what = $"Field \"{Name}\" takes {Expected}";
        if (!Accepts(KindsOf(value)))
            return $"{what}; {Values.Describe(value)} is {Article(KindsOf(value))}";
        if (Type is "date" or "datetime" && !DateValues.TryParse(Values.TextOf(value), null, out _))
            return $"{what}; {Values.Describe(value)} is not a date";
        if (Values.TryNumber(value, allowText: false, out var number) && (number < Min || number > Max))
            return $"{what}; {Values.NumberText(number)} is outside that range";
        return null;
    }

    private ValueKinds Allowed => Type switch
    {
        "text" or "date" or "datetime" => ValueKinds.Text,
        "number" => ValueKinds.Number,
        "id" => ValueKinds.Number | ValueKinds.Text,
        "boolean" => ValueKinds.Boolean,
        "list" => ValueKinds.List,
        _ => ValueKinds.Any,
    };

    internal static ValueKinds KindsOf(JsonNode? value) => Values.KindOf(value) switch
    {
        JsonValueKind.String => ValueKinds.Text,
        JsonValueKind.Number => ValueKinds.Number,
        JsonValueKind.True or JsonValueKind.False => ValueKinds.Boolean,
        JsonValueKind.Array => ValueKinds.List,
        JsonValueKind.Object => ValueKinds.Object,
        _ => ValueKinds.None,
    };

    internal static string Article(ValueKinds kinds) => kinds switch
    {
        ValueKinds.Text => "text",
        ValueKinds.Number => "a number",
        ValueKinds.Boolean => "a true/false value",
        ValueKinds.List => "a list",
        ValueKinds.Object => "an object",
        _ => string.Join(" or ", Enum.GetValues<ValueKinds>().Where(k => k is not (ValueKinds.None or ValueKinds.Any) && kinds.HasFlag(k)).Select(Article)),
    };
}

/// <summary>The JSON kinds a rule can yield; null is left out because every field may be cleared.</summary>
[Flags]
internal enum ValueKinds
{
    None = 0,
    Text = 1,
    Number = 2,
    Boolean = 4,
    List = 8,
    Object = 16,
    Any = Text | Number | Boolean | List | Object,
}
