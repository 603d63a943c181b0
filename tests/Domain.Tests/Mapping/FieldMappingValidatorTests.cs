using FluentValidation.Results;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

public class FieldMappingValidatorTests
{
    private static readonly Rule Ok = Rules.Copy("Code");

    private static List<ValidationFailure> Errors(FieldMapping mapping, IEnumerable<string>? allowedTargets = null) =>
        new FieldMappingValidator(allowedTargets).Validate(mapping).Errors;

    private static ValidationFailure SingleError(FieldMapping mapping, IEnumerable<string>? allowedTargets = null) =>
        Assert.Single(Errors(mapping, allowedTargets));

    [Fact]
    public void A_well_formed_mapping_is_valid()
    {
        Assert.Empty(Errors(FieldMapping.Of(("skuCode", Ok), ("attributes.name", Rules.Copy("Description")))));
    }

    [Fact]
    public void An_empty_target_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("skuCode", Ok), (" ", Ok)));

        Assert.Equal("fields[1].target", error.PropertyName);
        Assert.Equal("Target must not be empty", error.ErrorMessage);
    }

    [Fact]
    public void A_malformed_dotted_target_is_rejected()
    {
        Assert.Equal("fields[0].target", SingleError(FieldMapping.Of(("attributes..name", Ok))).PropertyName);
    }

    [Fact]
    public void A_duplicate_target_is_rejected_at_its_second_use()
    {
        var error = SingleError(FieldMapping.Of(("skuCode", Ok), ("name", Ok), ("skuCode", Ok)));

        Assert.Equal("fields[2].target", error.PropertyName);
        Assert.Equal("Target \"skuCode\" is mapped more than once (first at fields[0])", error.ErrorMessage);
    }

    [Fact]
    public void A_target_inside_another_mapped_target_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("attributes", Ok), ("attributes.name", Ok)));

        Assert.Equal("fields[1].target", error.PropertyName);
        Assert.Equal("Target \"attributes.name\" is inside \"attributes\", which is mapped as a whole", error.ErrorMessage);
    }

    [Fact]
    public void A_target_the_flow_does_not_know_is_rejected_when_targets_are_given()
    {
        var error = SingleError(FieldMapping.Of(("skuCode", Ok), ("colour", Ok)), ["skuCode", "name"]);

        Assert.Equal("fields[1].target", error.PropertyName);
        Assert.Equal("Target \"colour\" is not a field of this flow (known fields: name, skuCode)", error.ErrorMessage);
    }

    [Fact]
    public void A_field_without_a_rule_is_rejected()
    {
        var error = SingleError(new FieldMapping([new FieldRule("skuCode", true, null!)]));

        Assert.Equal("fields[0].rule", error.PropertyName);
    }

    [Fact]
    public void A_copy_with_an_empty_path_is_rejected_at_the_nested_path()
    {
        var mapping = FieldMapping.Of(("a", Ok), ("b", Ok), ("status", Rules.If(Cond.IsEmpty(Ok), Rules.Copy(""))));

        var error = SingleError(mapping);

        Assert.Equal("fields[2].rule.then.path", error.PropertyName);
        Assert.Equal("Source path must not be empty", error.ErrorMessage);
    }

    [Theory]
    [InlineData("Item..Code")]
    [InlineData("Item.")]
    [InlineData("Lines[x].Quantity")]
    [InlineData("Lines[0.Quantity")]
    [InlineData("Item Code")]
    public void A_copy_with_a_malformed_path_is_rejected(string path)
    {
        var error = SingleError(FieldMapping.Of(("a", Rules.Copy(path))));

        Assert.Equal("fields[0].rule.path", error.PropertyName);
        Assert.StartsWith($"Source path \"{path}\" is not valid", error.ErrorMessage);
    }

    [Fact]
    public void An_if_without_condition_or_then_is_rejected_for_each()
    {
        var errors = Errors(FieldMapping.Of(("a", new IfRule(null!, null!))));

        Assert.Equal(["fields[0].rule.condition", "fields[0].rule.then"], errors.Select(e => e.PropertyName));
        Assert.Equal(["If needs a condition", "If needs a then rule"], errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void A_lookup_with_an_empty_table_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("a", Rules.Lookup(Ok))));

        Assert.Equal("fields[0].rule.table", error.PropertyName);
        Assert.Equal("Lookup needs at least one entry", error.ErrorMessage);
    }

    [Fact]
    public void A_lookup_with_an_empty_key_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("a", Rules.Lookup(Ok, ("21", "completed"), ("", "open")))));

        Assert.Equal("fields[0].rule.table[1].key", error.PropertyName);
    }

    [Fact]
    public void A_lookup_with_a_duplicate_key_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("a", Rules.Lookup(Ok, ("21", "completed"), ("12", "open"), ("21", "done")))));

        Assert.Equal("fields[0].rule.table[2].key", error.PropertyName);
        Assert.Equal("Lookup key \"21\" appears more than once (first at table[0])", error.ErrorMessage);
    }

    [Fact]
    public void Lookup_keys_differing_only_in_case_are_duplicates_when_case_is_ignored()
    {
        var lookup = new LookupRule(Ok, [new LookupEntry("EUR", 1), new LookupEntry("eur", 2)], IgnoreCase: true);

        Assert.Equal("fields[0].rule.table[1].key", SingleError(FieldMapping.Of(("a", lookup))).PropertyName);
    }

    [Fact]
    public void Arithmetic_with_an_unknown_operator_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("a", new ArithmeticRule("%", Ok, Ok))));

        Assert.Equal("fields[0].rule.operator", error.PropertyName);
        Assert.Equal("Operator \"%\" is not one of + - * /", error.ErrorMessage);
    }

    [Fact]
    public void Arithmetic_with_a_missing_operand_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("a", new ArithmeticRule("/", Ok, null!))));

        Assert.Equal("fields[0].rule.right", error.PropertyName);
        Assert.Equal("Arithmetic needs a right operand", error.ErrorMessage);
    }

    [Fact]
    public void A_date_format_that_dotnet_cannot_use_is_rejected()
    {
        var error = SingleError(FieldMapping.Of(("placed", Rules.FormatDate(Ok, "x"))));

        Assert.Equal("fields[0].rule.format", error.PropertyName);
        Assert.Equal("Date format \"x\" is not a valid .NET date format", error.ErrorMessage);
    }

    [Fact]
    public void An_empty_input_date_format_is_rejected()
    {
        Assert.Equal("fields[0].rule.inputFormat", SingleError(FieldMapping.Of(("placed", Rules.FormatDate(Ok, "yyyy-MM-dd", "")))).PropertyName);
    }

    [Fact]
    public void A_number_format_that_dotnet_cannot_use_is_rejected()
    {
        Assert.Equal("fields[0].rule.format", SingleError(FieldMapping.Of(("a", Rules.FormatNumber(Ok, "X2")))).PropertyName);
    }

    [Fact]
    public void Rounding_beyond_28_decimals_is_rejected()
    {
        Assert.Equal("fields[0].rule.decimals", SingleError(FieldMapping.Of(("a", Rules.Round(Ok, 29)))).PropertyName);
    }

    [Fact]
    public void An_unknown_rounding_mode_text_transform_or_conversion_is_rejected()
    {
        var errors = Errors(FieldMapping.Of(
            ("a", Rules.Round(Ok, mode: "sideways")),
            ("b", new TextRule(Ok, "reverse")),
            ("c", new ConvertRule(Ok, "date"))));

        Assert.Equal(["fields[0].rule.mode", "fields[1].rule.transform", "fields[2].rule.to"], errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Empty_coalesce_concat_and_or_and_in_lists_are_rejected()
    {
        var errors = Errors(FieldMapping.Of(
            ("a", Rules.Coalesce()),
            ("b", Rules.Concat(" ")),
            ("c", Rules.If(Cond.And(), Ok)),
            ("d", Rules.If(Cond.Or(), Ok)),
            ("e", Rules.If(Cond.In(Ok), Ok))));

        Assert.Equal(
            ["fields[0].rule.rules", "fields[1].rule.parts", "fields[2].rule.condition.conditions", "fields[3].rule.condition.conditions", "fields[4].rule.condition.values"],
            errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Faults_deep_inside_conditions_are_named_by_their_full_path()
    {
        var rule = Rules.If(Cond.Or(Cond.IsEmpty(Ok), Cond.Not(Cond.Equals(Rules.Copy("a..b"), 1))), Ok);

        Assert.Equal("fields[0].rule.condition.conditions[1].condition.left.path", SingleError(FieldMapping.Of(("a", rule))).PropertyName);
    }

    [Fact]
    public void Nesting_deeper_than_20_levels_is_rejected()
    {
        var rule = Ok;
        for (var i = 0; i < 20; i++)
            rule = Rules.Trim(rule);

        var error = SingleError(FieldMapping.Of(("a", rule)));

        Assert.Equal("fields[0].rule" + string.Concat(Enumerable.Repeat(".input", 20)), error.PropertyName);
        Assert.Equal("Rules are nested more than 20 levels deep; split or simplify this field", error.ErrorMessage);
    }

    [Fact]
    public void Nesting_of_exactly_20_levels_is_accepted()
    {
        var rule = Ok;
        for (var i = 0; i < 19; i++)
            rule = Rules.Trim(rule);

        Assert.Empty(Errors(FieldMapping.Of(("a", rule))));
    }

    [Fact]
    public void A_mapping_without_a_field_list_is_rejected()
    {
        Assert.Equal("fields", SingleError(new FieldMapping(null!)).PropertyName);
    }
}
