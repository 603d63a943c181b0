using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.Preview;

public sealed class SourcePathsTests
{
    [Fact]
    public void Nested_lists_and_objects_become_copy_paths_a_copy_rule_can_read()
    {
        var item = Obj("""
            {"Code":"ART-00001","IsStockItem":false,"SalesPrice":12.5,
             "Prices":[{"Price":12.5,"Unit":"pc"}],"settings":{"products":{"assembledFrom":"isMakeItem"}}}
            """);

        var paths = SourcePaths.Of(item);

        Assert.Contains(new FoundPath("Code", "text", "ART-00001"), paths);
        Assert.Contains(new FoundPath("IsStockItem", "boolean", "false"), paths);
        Assert.Contains(new FoundPath("Prices", "list", "1 item"), paths);
        Assert.Contains(new FoundPath("Prices[0].Price", "number", "12.5"), paths);
        Assert.Contains(new FoundPath("settings.products.assembledFrom", "text", "isMakeItem"), paths);
        // Every path found must resolve to its value through the engine's own copy rule.
        foreach (var path in paths.Where(p => p.Type is "text" or "number" or "boolean"))
            Assert.Equal(path.Example, Text(MappingEngine.Evaluate(new CopyRule(path.Path), item).Value));
    }

    [Fact]
    public void Only_the_first_elements_of_a_long_list_are_offered()
    {
        var stock = new JsonArray(Enumerable.Range(0, 10).Select(i => (JsonNode)new JsonObject { ["CurrentStock"] = i }).ToArray());

        var paths = SourcePaths.Of(new JsonObject { ["Stock"] = stock }).Select(p => p.Path).ToList();

        Assert.Contains("Stock[2].CurrentStock", paths);
        Assert.DoesNotContain("Stock[3].CurrentStock", paths);
    }

    [Fact]
    public void Over_several_records_a_value_is_preferred_to_null_as_the_example()
    {
        var paths = SourcePaths.Of([Obj("""{"Barcode":null}"""), Obj("""{"Barcode":"8712345678906","EndDate":null}""")]);

        Assert.Equal(new FoundPath("Barcode", "text", "8712345678906"), paths.Single(p => p.Path == "Barcode"));
        Assert.Equal(new FoundPath("EndDate", "empty", "null"), paths.Single(p => p.Path == "EndDate"));
    }

    [Fact]
    public void Long_examples_are_cut()
    {
        var example = SourcePaths.Of(new JsonObject { ["Notes"] = new string('x', 200) }).Single().Example;

        Assert.Equal(61, example.Length);
        Assert.EndsWith("…", example);
    }

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
