using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class TextRuleTests
{
    private static readonly System.Text.Json.Nodes.JsonObject Source = Map.Source("""{"Name":"  Koffie Bonen  "}""");

    [Fact]
    public void Trim_removes_surrounding_spaces()
    {
        Assert.Equal("\"Koffie Bonen\"", Map.Json(Rules.Trim(Rules.Copy("Name")), Source));
    }

    [Fact]
    public void Upper_and_lower_change_case_independently_of_culture()
    {
        Assert.Equal("\"  KOFFIE BONEN  \"", Map.Json(Rules.Upper(Rules.Copy("Name")), Source));
        Assert.Equal("\"  koffie bonen  \"", Map.Json(Rules.Lower(Rules.Copy("Name")), Source));
    }

    [Fact]
    public void A_number_is_transformed_as_its_text()
    {
        Assert.Equal("\"7.5\"", Map.Json(Rules.Trim(Rules.Copy("CostPriceStandard")), ExactSamples.Item()));
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Equal("null", Map.Json(Rules.Trim(Rules.Null()), Source));
    }

    [Fact]
    public void An_object_is_a_problem()
    {
        Assert.Equal("{\"Barcode\":\"8712345678906\"} is not text (needed for text in field \"field\")",
            Map.Problem(Rules.Upper(Rules.Copy("Item")), ExactSamples.SupplierItem()));
    }

    [Fact]
    public void An_unknown_transform_is_a_problem()
    {
        Assert.Equal("Text transform \"reverse\" is not one of trim, upper, lower (field \"field\")",
            Map.Problem(new TextRule(Rules.Copy("Name"), "reverse"), Source));
    }
}
