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
        T? settings;
        try
        {
            settings = json is null ? new T() : json.Deserialize<T>(Json) ?? new T();
        }
        catch (JsonException e)
        {
            return (null, [Describe(e)]);
        }
        var result = validator.Validate(settings);
        if (result.IsValid) return (settings, []);
        return (null, result.Errors.Select(f => new SettingsError(CamelPath(f.PropertyName), f.ErrorMessage)).ToList());
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
