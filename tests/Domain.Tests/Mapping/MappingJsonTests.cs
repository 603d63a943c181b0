using System.Reflection;
using System.Text.Json.Serialization;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

public class MappingJsonTests
{
    private static readonly Dictionary<string, Rule> RuleSamples = new()
    {
        ["copy"] = Rules.Copy("Lines[0].Quantity"),
        ["constant"] = Rules.Const("enabled"),
        ["if"] = Rules.If(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), Rules.Const("enabled"), Rules.Const("disabled")),
        ["lookup"] = Rules.Lookup(Rules.Copy("Status"), Rules.Const("open"), ("21", "completed"), ("45", null)),
        ["arithmetic"] = Rules.Divide(Rules.Copy("quantity"), Rules.Copy("lotSize")),
        ["coalesce"] = Rules.Coalesce(Rules.Copy("PurchaseLeadDays"), Rules.Const(0)),
        ["formatDate"] = Rules.FormatDate(Rules.Copy("OrderDate"), "yyyy-MM-dd", "dd/MM/yyyy"),
        ["formatNumber"] = Rules.FormatNumber(Rules.Copy("AmountDC"), "0.00"),
        ["round"] = Rules.RoundUp(Rules.Copy("quantity"), 2),
        ["text"] = Rules.Trim(Rules.Copy("Description")),
        ["concat"] = Rules.Concat(" - ", Rules.Copy("Code"), Rules.Copy("Description")),
        ["convert"] = Rules.ToText(Rules.Copy("ID")),
        ["addDays"] = Rules.AddWorkingDays(Rules.Copy("OrderSyncDateTime"), Rules.Copy("supplier.deliveryTime")),
        ["now"] = Rules.Now(),
    };

    private static readonly Dictionary<string, Condition> ConditionSamples = new()
    {
        ["equals"] = Cond.Equals(Rules.Copy("Unit"), "pc", ignoreCase: true),
        ["notEquals"] = Cond.NotEquals(Rules.Copy("UseDropShipment"), true),
        ["greaterThan"] = Cond.GreaterThan(Rules.Copy("PurchaseLotSize"), 0),
        ["lessThan"] = Cond.LessThan(Rules.Copy("a"), Rules.Copy("b")),
        ["greaterOrEqual"] = Cond.GreaterOrEqual(Rules.Copy("n"), 1.5m),
        ["lessOrEqual"] = Cond.LessOrEqual(Rules.Copy("n"), 10),
        ["contains"] = Cond.Contains(Rules.Copy("Description"), "kg"),
        ["isEmpty"] = Cond.IsEmpty(Rules.Copy("deliveryTime")),
        ["isNotEmpty"] = Cond.IsNotEmpty(Rules.Copy("deliveryTime")),
        ["in"] = Cond.In(Rules.Copy("OrderStatus"), 30, 40, "50", null),
        ["and"] = Cond.And(Cond.IsEmpty(Rules.Copy("a")), Cond.IsEmpty(Rules.Copy("b"))),
        ["or"] = Cond.Or(Cond.IsEmpty(Rules.Copy("a")), Cond.IsEmpty(Rules.Copy("b"))),
        ["not"] = Cond.Not(Cond.IsEmpty(Rules.Copy("a"))),
    };

    public static TheoryData<string> RuleKinds => new(RuleSamples.Keys);

    public static TheoryData<string> ConditionKinds => new(ConditionSamples.Keys);

    [Theory]
    [MemberData(nameof(RuleKinds))]
    public void Every_rule_kind_survives_a_round_trip(string kind)
    {
        var mapping = FieldMapping.Of(("field", RuleSamples[kind]));

        var json = MappingJson.Serialize(mapping);

        Assert.Contains($"\"kind\": \"{kind}\"", json);
        Assert.Equal(mapping, MappingJson.Deserialize(json));
    }

    [Theory]
    [MemberData(nameof(ConditionKinds))]
    public void Every_condition_kind_survives_a_round_trip(string kind)
    {
        var mapping = FieldMapping.Of(("field", Rules.If(ConditionSamples[kind], Rules.Const(1))));

        var json = MappingJson.Serialize(mapping);

        Assert.Contains($"\"kind\": \"{kind}\"", json);
        Assert.Equal(mapping, MappingJson.Deserialize(json));
    }

    [Fact]
    public void The_samples_cover_every_declared_kind()
    {
        Assert.Equal(Kinds(typeof(Rule)), RuleSamples.Keys.Order());
        Assert.Equal(Kinds(typeof(Condition)), ConditionSamples.Keys.Order());
    }

    [Fact]
    public void A_disabled_field_round_trips_as_disabled()
    {
        var mapping = FieldMapping.Of(("emails", Rules.Copy("Email"))).WithEnabled("emails", false);

        Assert.Equal(mapping, MappingJson.Deserialize(MappingJson.Serialize(mapping)));
    }

    [Fact]
    public void Writes_camelCase_with_the_kind_first()
    {
        var json = MappingJson.Serialize(FieldMapping.Of(("skuCode", Rules.Copy("Code"))));

        Assert.Equal("""{"fields":[{"target":"skuCode","enabled":true,"rule":{"kind":"copy","path":"Code"}}]}""", Compact(json));
    }

    [Fact]
    public void Writes_a_null_constant_with_its_value()
    {
        var json = MappingJson.Serialize(FieldMapping.Of(("completed", Rules.Null())));

        Assert.Contains("""{"kind":"constant","value":null}""", Compact(json));
    }

    [Fact]
    public void Leaves_out_an_absent_otherwise()
    {
        var json = MappingJson.Serialize(FieldMapping.Of(("assembled", Rules.If(Cond.IsEmpty(Rules.Copy("a")), Rules.Const(true)))));

        Assert.DoesNotContain("otherwise", json);
    }

    [Fact]
    public void Reads_hand_written_JSON_with_the_kind_anywhere_in_the_object()
    {
        var mapping = MappingJson.Deserialize("""
            { "fields": [ { "target": "status", "enabled": true,
              "rule": { "then": { "value": "enabled", "kind": "constant" }, "kind": "if",
                        "condition": { "right": { "kind": "constant", "value": true }, "left": { "kind": "copy", "path": "IsPurchaseItem" }, "kind": "equals" } } } ] }
            """);

        Assert.Equal(FieldMapping.Of(("status", Rules.If(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), Rules.Const("enabled")))), mapping);
    }

    [Fact]
    public void An_unknown_kind_is_a_format_error_pointing_at_the_rule()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""
            {"fields":[{"target":"a","enabled":true,"rule":{"kind":"copyy","path":"Code"}}]}
            """));

        Assert.Equal("$.fields[0].rule", error.JsonPath);
        Assert.Equal("The mapping JSON is not valid at $.fields[0].rule: \"copyy\" is not a known kind of rule or condition", error.Message);
    }

    [Fact]
    public void A_rule_without_a_kind_is_a_format_error_pointing_at_the_rule()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""
            {"fields":[{"target":"a","enabled":true,"rule":{"path":"Code"}}]}
            """));

        Assert.Equal("$.fields[0].rule", error.JsonPath);
        Assert.EndsWith("a rule or condition must say its \"kind\"", error.Message);
    }

    [Fact]
    public void A_missing_required_property_is_a_format_error_naming_it()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""
            {"fields":[{"target":"a","enabled":true,"rule":{"kind":"if","then":{"kind":"constant","value":1}}}]}
            """));

        Assert.Equal("The mapping JSON is not valid at $.fields[0].rule: \"condition\" is required here", error.Message);
    }

    [Fact]
    public void An_unknown_property_is_a_format_error_rather_than_ignored()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""
            {"fields":[{"target":"a","enabled":true,"rule":{"kind":"copy","pth":"Code"}}]}
            """));

        Assert.Equal("$.fields[0].rule.pth", error.JsonPath);
        Assert.EndsWith("\"pth\" is not a known property here", error.Message);
    }

    [Fact]
    public void A_null_where_a_rule_is_required_is_a_format_error()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""
            {"fields":[{"target":"a","enabled":true,"rule":null}]}
            """));

        Assert.Equal("The mapping JSON is not valid at $.fields[0].rule: \"rule\" must not be null", error.Message);
    }

    [Fact]
    public void Malformed_JSON_is_a_format_error_with_its_position()
    {
        var error = Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("""{"fields":[{"target":"a",}"""));

        Assert.StartsWith("The mapping JSON is not valid at $.fields[0]", error.Message);
    }

    [Fact]
    public void The_JSON_literal_null_is_a_format_error()
    {
        Assert.Throws<MappingFormatException>(() => MappingJson.Deserialize("null"));
    }

    private static IEnumerable<string> Kinds(Type root) =>
        root.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!).Order();

    private static string Compact(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
