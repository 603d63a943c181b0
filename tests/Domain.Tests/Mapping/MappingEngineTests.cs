using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

public class MappingEngineTests
{
    [Fact]
    public void Writes_fields_in_mapping_order()
    {
        var mapping = FieldMapping.Of(("skuCode", Rules.Copy("Code")), ("name", Rules.Copy("Description")));

        var result = MappingEngine.Apply(mapping, ExactSamples.Item());

        Assert.Equal("""{"skuCode":"KOF-1000","name":"Koffiebonen 1kg"}""", result.Payload.ToJsonString());
    }

    [Fact]
    public void Leaves_disabled_fields_out_of_the_payload()
    {
        // Seed, Suppliers: emails is not mapped unless the customer asks for it.
        var mapping = FieldMapping.Of(("name", Rules.Copy("Name")), ("emails", Rules.Copy("Email")))
            .WithEnabled("emails", false);

        var result = MappingEngine.Apply(mapping, Map.Source("""{"Name":"Bonenbrander BV","Email":"x@example.com"}"""));

        Assert.Equal("""{"name":"Bonenbrander BV"}""", result.Payload.ToJsonString());
    }

    [Fact]
    public void A_disabled_field_reports_no_problem_even_if_its_rule_would_fail()
    {
        var mapping = FieldMapping.Of(("emails", Rules.Copy("Email"))).WithEnabled("emails", false);

        Assert.Empty(MappingEngine.Apply(mapping, Map.Source("{}")).Problems);
    }

    [Fact]
    public void A_dotted_target_writes_into_nested_objects()
    {
        var mapping = FieldMapping.Of(
            ("attributes.name", Rules.Copy("Description")),
            ("attributes.skuCode", Rules.Copy("Code")),
            ("remoteId", Rules.Copy("ID")));

        var result = MappingEngine.Apply(mapping, ExactSamples.Item());

        Assert.Equal("""{"attributes":{"name":"Koffiebonen 1kg","skuCode":"KOF-1000"},"remoteId":"5c1f0b38-1d7e-4a8e-9a4a-0d2f4c7e9b11"}""",
            result.Payload.ToJsonString());
    }

    [Fact]
    public void A_field_with_a_problem_is_written_as_null_and_reported()
    {
        var mapping = FieldMapping.Of(("skuCode", Rules.Copy("Code")), ("eanCode", Rules.Copy("Item.Barcode")));

        var result = MappingEngine.Apply(mapping, ExactSamples.Item());

        Assert.Equal("""{"skuCode":"KOF-1000","eanCode":null}""", result.Payload.ToJsonString());
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new FieldProblem("eanCode", "Source field \"Item.Barcode\" is missing"), problem);
    }

    [Fact]
    public void A_problem_names_the_target_field_in_its_message()
    {
        var mapping = FieldMapping.Of(("lotSize", Rules.Divide(Rules.Copy("quantity"), Rules.Copy("lotSize"))));

        var result = MappingEngine.Apply(mapping, Map.Source("""{"quantity":"abc","lotSize":6}"""));

        Assert.Equal("\"abc\" is not a number (needed for arithmetic in field \"lotSize\")", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void One_failing_field_does_not_stop_the_others()
    {
        var mapping = FieldMapping.Of(("a", Rules.Copy("Missing")), ("b", Rules.Copy("Code")));

        var result = MappingEngine.Apply(mapping, ExactSamples.Item());

        Assert.Equal("\"KOF-1000\"", result.Payload["b"]!.ToJsonString());
    }

    [Fact]
    public void A_target_below_a_plain_value_is_a_problem_not_an_exception()
    {
        var mapping = FieldMapping.Of(("attributes", Rules.Const(1)), ("attributes.name", Rules.Const("x")));

        var result = MappingEngine.Apply(mapping, Map.Source("{}"));

        Assert.Equal("Target \"attributes.name\" cannot be written because \"attributes\" already holds a value",
            Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Copied_objects_are_detached_from_the_source()
    {
        var source = ExactSamples.SupplierItem();
        var result = MappingEngine.Apply(FieldMapping.Of(("item", Rules.Copy("Item"))), source);

        result.Payload["item"]!["Barcode"] = "changed";

        Assert.Equal("8712345678906", source["Item"]!["Barcode"]!.GetValue<string>());
    }

    [Fact]
    public void Leaves_the_source_record_unchanged()
    {
        var source = ExactSamples.Item();
        var before = source.ToJsonString();

        MappingEngine.Apply(ExactOptiplyMappingTests.Products, source);

        Assert.Equal(before, source.ToJsonString());
    }

    [Fact]
    public void Is_deterministic_for_the_same_mapping_record_and_context()
    {
        var context = new MappingContext(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero));
        var mapping = ExactOptiplyMappingTests.Products.WithField(new FieldRule("syncedAt", true, Rules.Now()));

        var first = MappingEngine.Apply(mapping, ExactSamples.Item(), context);
        var second = MappingEngine.Apply(mapping, ExactSamples.Item(), context);

        Assert.Equal(first.Payload.ToJsonString(), second.Payload.ToJsonString());
        Assert.Equal(first.Problems, second.Problems);
    }

    [Fact]
    public void Evaluate_gives_one_rules_value_for_a_preview()
    {
        var outcome = MappingEngine.Evaluate(Rules.Copy("Code"), ExactSamples.Item(), "skuCode");

        Assert.Equal("\"KOF-1000\"", outcome.Value!.ToJsonString());
        Assert.Null(outcome.Problem);
    }
}
