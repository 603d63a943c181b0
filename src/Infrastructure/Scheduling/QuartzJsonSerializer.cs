using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Extensibility;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// Stores Quartz job data maps in the ADO job store as a flat JSON object of strings.
/// </summary>
/// <remarks>
/// Quartz's built-in binary serializer needs BinaryFormatter, which .NET 9 removed, and the JSON serializer
/// packages are not available. Koppel's job data maps only carry strings (tenant slug, flow key), so a flat
/// object is all the store ever has to hold. With <c>quartz.jobStore.useProperties=true</c> Quartz hands over a
/// <see cref="NameValueCollection"/>; without it, the <see cref="JobDataMap"/> itself. Calendars and custom
/// (blob) triggers are not used here and are refused rather than silently stored in a lossy form.
/// </remarks>
public sealed class QuartzJsonSerializer : IObjectSerializer
{
    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        NameValueCollection properties => Write(properties.AllKeys.Select(key => (key!, properties[key]))),
        IDictionary<string, object?> map => Write(map.Select(entry => (entry.Key, AsString(entry.Key, entry.Value)))),
        _ => throw new NotSupportedException(
            $"{nameof(QuartzJsonSerializer)} stores job data maps only; {obj?.GetType().FullName ?? "null"} cannot be stored."),
    };

    public T Deserialize<T>(byte[] data) where T : class
    {
        var entries = Read(data);
        object result;
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var properties = new NameValueCollection(entries.Count, StringComparer.Ordinal);
            foreach (var (key, value) in entries) properties[key] = value;
            result = properties;
        }
        else if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var map = new JobDataMap();
            foreach (var (key, value) in entries) map[key] = value!;
            result = map;
        }
        else
        {
            throw new NotSupportedException(
                $"{nameof(QuartzJsonSerializer)} reads job data maps only, not {typeof(T).FullName}.");
        }
        return (T)result;
    }

    private static string? AsString(string key, object? value) => value switch
    {
        null => null,
        string text => text,
        _ => throw new NotSupportedException(
            $"Job data \"{key}\" is a {value.GetType().Name}; only strings are stored (convert it before scheduling)."),
    };

    private static byte[] Write(IEnumerable<(string Key, string? Value)> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in entries)
            {
                if (value is null) json.WriteNull(key);
                else json.WriteString(key, value);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static List<(string Key, string? Value)> Read(byte[] data)
    {
        var reader = new Utf8JsonReader(data);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("Quartz job data must be a JSON object.");
        return document.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()))
            .ToList();
    }
}
