using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Portal.Components.Tenants.Options;

/// <summary>
/// Builds the options form of any integration from its settings type, so the page needs no code per integration:
/// nested classes become titled sections, and each property's type decides its input.
/// </summary>
public static partial class SettingsTree
{
    private const int MaxDepth = 6;

    /// <param name="values">The settings being edited: an option holding one group per key of the tenant's own (a
    /// <c>Dictionary&lt;string, TGroup&gt;</c>, e.g. the options of each webshop) shows one section per key it holds.</param>
    public static IReadOnlyList<SettingNode> Of(Type settingsType, JsonObject? values = null) => Walk(settingsType, "", 0, values);

    private static List<SettingNode> Walk(Type type, string prefix, int depth, JsonObject? values)
    {
        var nodes = new List<SettingNode>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.SetMethod is null || property.GetIndexParameters().Length > 0) continue;
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always }) continue;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var label = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? Words(property.Name);
            var hint = property.GetCustomAttribute<DescriptionAttribute>()?.Description
                       ?? property.GetCustomAttribute<DisplayAttribute>()?.GetDescription();
            var declared = property.PropertyType;
            var underlying = Nullable.GetUnderlyingType(declared);
            var valueType = underlying ?? declared;
            var optional = underlying is not null || (!valueType.IsValueType && IsNullableReference(property));

            var kind = KindOf(valueType);
            if (kind == SettingKind.Section && depth < MaxDepth)
            {
                nodes.Add(new SettingNode { Path = path, Name = name, Label = label, Hint = hint, Kind = kind, Children = Walk(valueType, path, depth + 1, values) });
                continue;
            }
            if (GroupOf(valueType) is { } group && depth + 1 < MaxDepth)
            {
                // Keys are added through the admin API (with the connection they belong to); the form edits each one's options.
                var keys = (values is null ? null : SettingNode.Find(values, path) as JsonObject)?.Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
                nodes.Add(new SettingNode
                {
                    Path = path, Name = name, Label = label, Kind = SettingKind.Section,
                    Hint = keys.Count == 0 ? "None yet: they are added through the admin API." : hint,
                    Children = keys.Select(key => new SettingNode
                    {
                        Path = $"{path}.{key}", Name = key, Label = key, Kind = SettingKind.Section,
                        Children = Walk(group, $"{path}.{key}", depth + 2, values),
                    }).ToList(),
                });
                continue;
            }
            nodes.Add(new SettingNode
            {
                Path = path, Name = name, Label = label, Hint = hint, Optional = optional,
                Kind = kind == SettingKind.Section ? SettingKind.Other : kind,
                Options = kind == SettingKind.Choice ? EnumOptions(valueType) : [],
            });
        }
        return nodes;
    }

    private static SettingKind KindOf(Type type)
    {
        if (type == typeof(bool)) return SettingKind.Switch;
        if (type.IsEnum) return SettingKind.Choice;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return SettingKind.Integer;
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return SettingKind.Decimal;
        if (type == typeof(DateOnly)) return SettingKind.Date;
        if (type == typeof(string)) return SettingKind.Text;
        if (type == typeof(Guid)) return SettingKind.Id;
        if (ElementOf(type) is { } element)
            return element == typeof(Guid) ? SettingKind.IdList : element == typeof(string) ? SettingKind.TextList : SettingKind.Other;
        if (type.IsClass && type != typeof(object) && type.GetConstructor(Type.EmptyTypes) is not null && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return SettingKind.Section;
        return SettingKind.Other;
    }

    /// <summary>The group type of a <c>Dictionary&lt;string, TGroup&gt;</c> whose groups are sections, else null.</summary>
    private static Type? GroupOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments() is [var key, var group]
        && key == typeof(string) && KindOf(group) == SettingKind.Section
            ? group
            : null;

    private static Type? ElementOf(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
               || definition == typeof(IEnumerable<>) || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static List<SettingChoice> EnumOptions(Type enumType)
    {
        var converter = JsonNamingPolicy.CamelCase;
        return enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(field =>
        {
            // The value the settings JSON holds: what SettingsSchema's camelCase enum converter writes.
            var value = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? converter.ConvertName(field.Name);
            var label = field.GetCustomAttribute<DisplayAttribute>()?.GetName()
                        ?? field.GetCustomAttribute<DescriptionAttribute>()?.Description
                        ?? Words(field.Name);
            return new SettingChoice(value, label);
        }).ToList();
    }

    private static bool IsNullableReference(PropertyInfo property) =>
        new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    /// <summary>"ReceiptDateWithoutDeliveryTime" → "Receipt date without delivery time"; acronyms ("EAN") stay whole.</summary>
    public static string Words(string name)
    {
        var words = WordPattern().Matches(name).Select(m => m.Value).ToList();
        if (words.Count == 0) return name;
        var text = string.Join(' ', words.Select((w, i) => w.Length > 1 && w.All(char.IsUpper) ? w : i == 0 ? w : w.ToLowerInvariant()));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex WordPattern();
}
