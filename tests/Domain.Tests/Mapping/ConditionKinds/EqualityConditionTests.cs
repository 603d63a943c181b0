using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class EqualityConditionTests
{
    [Fact]
    public void Booleans_equal_booleans()
    {
        Assert.True(Map.Test(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), ExactSamples.Item()));
    }

    [Fact]
    public void True_and_false_text_equal_the_boolean()
    {
        // Settings sent as form text ("true") must still match a boolean rule.
        Assert.True(Map.Test(Cond.Equals(Rules.Copy("useLot"), true), Map.Source("""{"useLot":"True"}""")));
    }

    [Fact]
    public void Numbers_equal_numerically_whatever_their_notation()
    {
        Assert.True(Map.Test(Cond.Equals(Rules.Copy("Status"), 21), Map.Source("""{"Status":21.00}""")));
    }

    [Fact]
    public void Numeric_text_equals_a_number()
    {
        Assert.True(Map.Test(Cond.Equals(Rules.Copy("Status"), 21), Map.Source("""{"Status":"21"}""")));
    }

    [Fact]
    public void Text_equals_ordinally_and_case_sensitively_by_default()
    {
        var source = Map.Source("""{"Unit":"pc"}""");

        Assert.False(Map.Test(Cond.Equals(Rules.Copy("Unit"), "PC"), source));
        Assert.True(Map.Test(Cond.Equals(Rules.Copy("Unit"), "PC", ignoreCase: true), source));
    }

    [Fact]
    public void Null_equals_only_null()
    {
        var source = Map.Source("""{"DeliveryDate":null}""");

        Assert.True(Map.Test(Cond.Equals(Rules.Copy("DeliveryDate"), Rules.Null()), source));
        Assert.False(Map.Test(Cond.Equals(Rules.Copy("DeliveryDate"), ""), source));
    }

    [Fact]
    public void Values_of_different_kinds_are_not_equal()
    {
        Assert.False(Map.Test(Cond.Equals(Rules.Copy("Code"), 5), ExactSamples.Item()));
    }

    [Fact]
    public void A_missing_field_equals_nothing_but_null()
    {
        Assert.False(Map.Test(Cond.Equals(Rules.Copy("Missing"), true), ExactSamples.Item()));
    }

    [Fact]
    public void Not_equals_is_the_opposite_of_equals()
    {
        // Seed, Sell Orders: orders with UseDropShipment are not synced.
        var source = Map.Source("""{"UseDropShipment":false}""");

        Assert.True(Map.Test(Cond.NotEquals(Rules.Copy("UseDropShipment"), true), source));
        Assert.False(Map.Test(Cond.NotEquals(Rules.Copy("UseDropShipment"), false), source));
    }
}
