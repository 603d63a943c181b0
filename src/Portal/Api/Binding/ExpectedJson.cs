using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Api.Binding;

/// <summary>What a .NET type looks like in a request, in words a caller of the API understands.</summary>
internal static class ExpectedJson
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "text";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "a whole number";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "a date and time like 2026-01-31T12:00:00Z";
        if (type.IsEnum) return "one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
        if (type == typeof(JsonArray) || (type != typeof(JsonObject) && ElementOf(type) is not null && !IsDictionary(type))) return "a list";
        return "an object";
    }

    /// <summary>True for a JSON object body (not text, a number, a date or an enum).</summary>
    public static bool IsObject(Type type) => Describe(type) is "an object";

    /// <summary>The type at a dotted JSON path of a body ("connections.shop.apiSecret"), or null when the path leaves the type.</summary>
    public static Type? AtPath(Type root, string path)
    {
        Type? current = root;
        foreach (var segment in path.Split('.'))
        {
            // "items[2]" is the member "items", then one step into its elements per bracket.
            var parts = segment.Split('[');
            current = Member(current!, parts[0]);
            for (var i = 1; i < parts.Length && current is not null; i++) current = ElementOf(current);
            if (current is null) return null;
        }
        return current;
    }

    private static Type? Member(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsDictionary(type)) return type.GetGenericArguments()[1];
        return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
