using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class OrderingConditionTests
{
    [Fact]
    public void Greater_than_compares_numbers_numerically()
    {
        // Seed, Supplier Products: IF PurchaseLotSize is set THEN lotSize = PurchaseLotSize.
        Assert.True(Map.Test(Cond.GreaterThan(Rules.Copy("PurchaseLotSize"), 0), ExactSamples.SupplierItem()));
        Assert.False(Map.Test(Cond.GreaterThan(Rules.Copy("PurchaseLotSize"), 6), ExactSamples.SupplierItem()));
    }

    [Fact]
    public void Less_than_compares_numbers_numerically()
    {
        Assert.True(Map.Test(Cond.LessThan(Rules.Copy("n"), 10), Map.Source("""{"n":9}""")));
    }

    [Fact]
    public void Or_equal_comparisons_include_equality()
    {
        var source = Map.Source("""{"n":6}""");

        Assert.True(Map.Test(Cond.GreaterOrEqual(Rules.Copy("n"), 6), source));
        Assert.True(Map.Test(Cond.LessOrEqual(Rules.Copy("n"), 6), source));
        Assert.False(Map.Test(Cond.LessOrEqual(Rules.Copy("n"), 5.99m), source));
    }

    [Fact]
    public void Numeric_text_is_compared_as_a_number_against_a_number()
    {
        Assert.True(Map.Test(Cond.GreaterThan(Rules.Copy("n"), 9), Map.Source("""{"n":"10"}""")));
    }

    [Fact]
    public void Text_is_compared_ordinally()
    {
        Assert.True(Map.Test(Cond.LessThan(Rules.Copy("Code"), "KOF-2000"), ExactSamples.Item()));
    }

    [Fact]
    public void Exact_dates_are_compared_as_instants()
    {
        // Ordinally "/Date(999..." sorts after "/Date(1700...", in time it is earlier.
        var source = Map.Source("""{"a":"/Date(999999999999)/","b":"/Date(1700000000000)/"}""");

        Assert.True(Map.Test(Cond.LessThan(Rules.Copy("a"), Rules.Copy("b")), source));
    }

    [Fact]
    public void An_empty_side_makes_an_ordering_false()
    {
        Assert.False(Map.Test(Cond.GreaterThan(Rules.Copy("PurchaseLeadDays"), 0), ExactSamples.Item()));
        Assert.False(Map.Test(Cond.LessThan(Rules.Copy("PurchaseLeadDays"), 0), ExactSamples.Item()));
    }

    [Fact]
    public void Text_that_cannot_be_ordered_against_a_number_is_a_problem()
    {
        var (value, problem) = MappingEngine.Test(Cond.GreaterThan(Rules.Copy("Code"), 0), ExactSamples.Item(), "lotSize");

        Assert.False(value);
        Assert.Equal("\"KOF-1000\" and 0 cannot be compared (needed for greaterThan in field \"lotSize\")", problem!.Message);
    }
}
