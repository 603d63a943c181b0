using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

/// <summary>Evaluates a single rule the way the engine does for a field named "field".</summary>
internal static class Map
{
    public const string Field = "field";

    // Shows "+01:00" as written instead of the default escaping "\u002B01:00".
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Source(string json) => JsonNode.Parse(json)!.AsObject();

    public static FieldOutcome Run(Rule rule, JsonObject source, MappingContext? context = null) =>
        MappingEngine.Evaluate(rule, source, Field, context);

    /// <summary>The value as compact JSON text, failing the test when the rule reports a problem.</summary>
    public static string Json(Rule rule, JsonObject source, MappingContext? context = null)
    {
        var outcome = Run(rule, source, context);
        Assert.Null(outcome.Problem);
        return outcome.Value?.ToJsonString(Readable) ?? "null";
    }

    public static string Problem(Rule rule, JsonObject source, MappingContext? context = null)
    {
        var outcome = Run(rule, source, context);
        Assert.NotNull(outcome.Problem);
        Assert.Null(outcome.Value);
        return outcome.Problem.Message;
    }

    public static bool Test(Condition condition, JsonObject source)
    {
        var (value, problem) = MappingEngine.Test(condition, source, Field);
        Assert.Null(problem);
        return value;
    }
}
