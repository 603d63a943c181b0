using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class CopyRuleTests
{
    [Fact]
    public void Copies_a_top_level_field_such_as_the_products_Code_as_skuCode()
    {
        Assert.Equal("\"KOF-1000\"", Map.Json(Rules.Copy("Code"), ExactSamples.Item()));
    }

    [Fact]
    public void Follows_a_dotted_path_into_nested_objects()
    {
        Assert.Equal("\"8712345678906\"", Map.Json(Rules.Copy("Item.Barcode"), ExactSamples.SupplierItem()));
    }

    [Fact]
    public void Follows_an_array_index()
    {
        Assert.Equal("3", Map.Json(Rules.Copy("SalesOrderLines[0].Quantity"), ExactSamples.SalesOrder()));
    }

    [Fact]
    public void Copies_numbers_and_booleans_unchanged()
    {
        Assert.Equal("7.5", Map.Json(Rules.Copy("CostPriceStandard"), ExactSamples.Item()));
        Assert.Equal("true", Map.Json(Rules.Copy("IsPurchaseItem"), ExactSamples.Item()));
    }

    [Fact]
    public void A_field_that_holds_null_copies_as_null_without_a_problem()
    {
        Assert.Equal("null", Map.Json(Rules.Copy("DeliveryDate"), ExactSamples.SalesOrder()));
    }

    [Fact]
    public void A_missing_source_field_is_a_problem_naming_the_path()
    {
        Assert.Equal("Source field \"Item.Code\" is missing", Map.Problem(Rules.Copy("Item.Code"), ExactSamples.Item()));
    }

    [Fact]
    public void An_index_past_the_end_of_the_array_is_missing()
    {
        Assert.Equal("Source field \"SalesOrderLines[1].Quantity\" is missing",
            Map.Problem(Rules.Copy("SalesOrderLines[1].Quantity"), ExactSamples.SalesOrder()));
    }

    [Fact]
    public void A_malformed_path_is_a_problem_rather_than_an_exception()
    {
        Assert.StartsWith("Source path \"Item..Code\" is not valid", Map.Problem(Rules.Copy("Item..Code"), ExactSamples.Item()));
    }
}
