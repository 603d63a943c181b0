using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Koppel.Infrastructure.Integrations;

/// <summary>A settings problem, named by the field's JSON path (e.g. "warehouses.mode").</summary>
public sealed record SettingsError(string Field, string Message);

/// <summary>An integration's typed settings: defaults, strict JSON parsing and validation.</summary>
public abstract class SettingsSchema
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt option must not be silently ignored: support would believe it is set.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // Named, so the options' contracts can be read (the unknown-key walk in Parse) as well as used by the serializer.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public abstract Type Type { get; }
    public abstract object CreateDefault();

    /// <summary>Reads settings JSON; missing options take their defaults, unknown or invalid ones are errors.</summary>
    /// <summary>The most entries any list option may hold (warehouse subsets, status lists, price types...).</summary>
    public const int MaxListItems = 1000;

    public abstract (object? Settings, IReadOnlyList<SettingsError> Errors) Parse(JsonNode? json);

    public JsonObject ToJson(object settings) => (JsonObject)JsonSerializer.SerializeToNode(settings, Type, Json)!;
}

public sealed class SettingsSchema<T>(IValidator<T> validator) : SettingsSchema where T : class, new()
{
    public override Type Type => typeof(T);
    public override object CreateDefault() => new T();

    public override (object? Settings, IReadOnlyList<SettingsError> Errors) Parse(JsonNode? json)
    {
        if (LongList(json, "") is { } tooLong) return (null, [tooLong]);
        // Unknown keys are collected first and left out of the read, so a request with a misspelt option and a wrong
        // value hears about both at once instead of fixing one, sending again and only then learning of the other.
        var unknown = new List<SettingsError>();
        var known = json is JsonObject ? json.DeepClone() : json;
        if (known is not null) LeaveOutUnknown(known, Json.GetTypeInfo(typeof(T)), "", unknown);
        T? settings;
        try
        {
            settings = known is null ? new T() : known.Deserialize<T>(Json) ?? new T();
        }
        catch (JsonException e)
        {
            return (null, [.. unknown, Describe(e)]);
        }
        var result = validator.Validate(settings);
        var errors = unknown.Concat(result.Errors.Select(f => new SettingsError(CamelPath(f.PropertyName), f.ErrorMessage))).ToList();
        return errors.Count == 0 ? (settings, []) : (null, errors);
    }

    /// <summary>Removes (and names) every key of <paramref name="node"/> that no option of its type reads, at any depth.</summary>
    private static void LeaveOutUnknown(JsonNode node, System.Text.Json.Serialization.Metadata.JsonTypeInfo type, string path, List<SettingsError> unknown)
    {
        switch (type.Kind, node)
        {
            case (System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object, JsonObject obj):
                foreach (var (key, value) in obj.ToList())
                {
                    var field = path.Length == 0 ? key : $"{path}.{key}";
                    var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
                    if (property is null)
                    {
                        unknown.Add(new SettingsError(field, "This option does not exist for this integration."));
                        obj.Remove(key);
                    }
                    else if (value is not null)
                        LeaveOutUnknown(value, Json.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), field, unknown);
                }
                break;
            case (System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable, JsonArray list) when type.ElementType is { } element:
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is { } item) LeaveOutUnknown(item, Json.GetTypeInfo(element), $"{path}[{i}]", unknown);
                break;
        }
    }

    /// <summary>
    /// The first list longer than <see cref="SettingsSchema.MaxListItems"/>: no option needs more entries, and a
    /// tenant's settings are read on every run and every page view, so a huge list would slow the hub for all.
    /// </summary>
    private static SettingsError? LongList(JsonNode? node, string path) => node switch
    {
        JsonArray list when list.Count > MaxListItems => new SettingsError(path.Length == 0 ? "settings" : path, $"A list holds at most {MaxListItems} entries; this one has {list.Count}."),
        JsonArray list => list.Select((item, i) => LongList(item, $"{path}[{i}]")).FirstOrDefault(e => e is not null),
        JsonObject obj => obj.Select(p => LongList(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).FirstOrDefault(e => e is not null),
        _ => null,
    };

    private static SettingsError Describe(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        // For an unknown key the serializer reports the parent's path and names the key only in its message.
        var unknown = Regex.Match(e.Message, "The JSON property '([^']+)' could not be mapped");
        if (unknown.Success)
        {
            var name = unknown.Groups[1].Value;
            var field = path.Length == 0 || path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path.Length == 0 ? name : path : $"{path}.{name}";
            return new SettingsError(field, "This option does not exist for this integration.");
        }
        return new SettingsError(path.Length == 0 ? "settings" : path, "This value has the wrong type or is not one of the allowed values.");
    }

    // FluentValidation names properties the C# way ("Warehouses.MainWarehouseId"); the API speaks camelCase.
    private static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
