using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class InConditionTests
{
    // Seed, Buy Orders Exact > OP: completed when OrderStatus in (30, 40).
    private static readonly Condition Finished = Cond.In(Rules.Copy("OrderStatus"), 30, 40);

    [Fact]
    public void True_when_the_value_equals_one_of_the_list()
    {
        Assert.True(Map.Test(Finished, Map.Source("""{"OrderStatus":40}""")));
    }

    [Fact]
    public void False_when_the_value_equals_none_of_the_list()
    {
        Assert.False(Map.Test(Finished, Map.Source("""{"OrderStatus":20}""")));
    }

    [Fact]
    public void Compares_like_equals_so_numeric_text_matches()
    {
        Assert.True(Map.Test(Finished, Map.Source("""{"OrderStatus":"30"}""")));
    }
}
