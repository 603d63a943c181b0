using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>A refusal of the assumed Okos-Ügyvitel contract: problem+json with the fields it names.</summary>
internal sealed class OkosProblem(int status, string title, string detail, Dictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public IResult Answer() => Answer(Status, title, Message, errors);

    public static OkosProblem Field(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Validation failed", $"{field}: {message}", new() { [field] = [message] });

    public static IResult Answer(int status, string title, string detail, Dictionary<string, string[]>? errors = null)
    {
        var body = new JsonObject { ["status"] = status, ["title"] = title, ["detail"] = detail };
        if (errors is { Count: > 0 })
            body["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)new JsonArray(e.Value.Select(m => (JsonNode?)m).ToArray()))));
        return Results.Text(body.ToJsonString(), "application/problem+json", statusCode: status);
    }
}

/// <summary>Reads a request body strictly: only the contract's fields, the required ones present, numbers as numbers.</summary>
internal static class OkosBody
{
    public static JsonObject Check(JsonNode? body, IReadOnlyCollection<string> allowed, params string[] required)
    {
        if (body is not JsonObject json) throw OkosProblem.Field("body", "The request body must be a JSON object.");
        foreach (var (name, _) in json)
            if (!allowed.Contains(name)) throw OkosProblem.Field(name, "This field does not exist.");
        foreach (var name in required)
            if (json[name] is null || json[name] is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
                throw OkosProblem.Field(name, "This field is required.");
        return json;
    }

    public static string Text(JsonObject json, string name) => json[name]?.ToString() ?? "";

    public static decimal Number(JsonObject json, string name, decimal fallback = 0)
    {
        var node = json[name];
        if (node is null) return fallback;
        if (node is JsonValue value && value.TryGetValue<decimal>(out var number)) return number;
        throw OkosProblem.Field(name, "This field must be a number.");
    }
}
