using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

/// <summary>Rules are checked against what the target field takes (Optiply's supplier deliveryTime: a number, 1-365).</summary>
public class TargetTypeCheckTests
{
    private static readonly TargetType DeliveryTime = new("deliveryTime", "number", Min: 1, Max: 365);
    private static readonly TargetType Name = new("name", "text");
    private static readonly TargetType Placed = new("placed", "date");

    private static IReadOnlyList<(string Path, string Message)> Errors(Rule rule, TargetType target) =>
        new FieldMappingValidator([target]).Validate(FieldMapping.Of((target.Name, rule))).Errors
            .Select(e => (e.PropertyName, e.ErrorMessage)).ToList();

    [Fact]
    public void A_fixed_text_for_a_number_field_is_refused_at_the_rule()
    {
        var (path, message) = Assert.Single(Errors(Rules.Const("soon"), DeliveryTime));

        Assert.Equal("fields[0].rule", path);
        Assert.Contains("\"deliveryTime\" takes a number (1-365)", message);
        Assert.Contains("\"soon\" is text", message);
    }

    [Fact]
    public void A_fixed_number_outside_the_declared_range_is_refused()
    {
        var (_, message) = Assert.Single(Errors(Rules.Const(400), DeliveryTime));

        Assert.Contains("400 is outside that range", message);
    }

    [Fact]
    public void A_fixed_number_inside_the_range_and_a_null_are_accepted()
    {
        Assert.Empty(Errors(Rules.Const(14), DeliveryTime));
        Assert.Empty(Errors(Rules.Null(), DeliveryTime));
    }

    [Fact]
    public void The_message_lands_at_the_branch_that_is_wrong()
    {
        var rule = Rules.If(Cond.IsEmpty(Rules.Copy("Days")), Rules.Const(1), Rules.Const("later"));

        Assert.Equal("fields[0].rule.otherwise", Assert.Single(Errors(rule, DeliveryTime)).Path);
    }

    [Fact]
    public void A_lookup_value_of_the_wrong_type_is_refused_at_its_row()
    {
        var rule = Rules.Lookup(Rules.Copy("Code"), ("A", 5), ("B", "five"));

        Assert.Equal("fields[0].rule.table[1].value", Assert.Single(Errors(rule, DeliveryTime)).Path);
    }

    [Fact]
    public void Formatting_a_number_gives_text_which_a_number_field_refuses()
    {
        var (_, message) = Assert.Single(Errors(Rules.FormatNumber(Rules.Copy("Days"), "0.0"), DeliveryTime));

        Assert.Contains("number formatting gives text", message);
        Assert.Contains("convert it to a number first", message);
    }

    [Fact]
    public void A_conversion_to_the_field_type_and_a_copied_source_field_are_accepted()
    {
        Assert.Empty(Errors(Rules.ToNumber(Rules.Copy("Days")), DeliveryTime));
        Assert.Empty(Errors(Rules.Copy("Days"), DeliveryTime));
        Assert.Empty(Errors(Rules.Concat(" ", Rules.Copy("Code"), Rules.Copy("Description")), Name));
    }

    [Fact]
    public void Arithmetic_into_a_text_field_is_refused()
    {
        Assert.Single(Errors(Rules.Add(Rules.Copy("A"), Rules.Const(1)), Name));
    }

    [Fact]
    public void A_fixed_date_must_be_a_date()
    {
        Assert.Empty(Errors(Rules.Const("2024-03-01"), Placed));
        Assert.Contains("is not a date", Assert.Single(Errors(Rules.Const("tomorrow"), Placed)).Message);
    }

    [Fact]
    public void The_preview_reports_a_copied_value_the_field_would_refuse()
    {
        var mapping = FieldMapping.Of(("deliveryTime", Rules.Copy("Days")));
        var source = new JsonObject { ["Days"] = 500 };

        var problem = Assert.Single(MappingEngine.Apply(mapping, source, targets: [DeliveryTime]).Problems);

        Assert.Equal("deliveryTime", problem.Field);
        Assert.Contains("500 is outside that range", problem.Message);
        Assert.Empty(MappingEngine.Apply(mapping, new JsonObject { ["Days"] = 30 }, targets: [DeliveryTime]).Problems);
    }
}
