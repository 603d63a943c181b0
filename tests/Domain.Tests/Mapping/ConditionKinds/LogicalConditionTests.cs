using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class LogicalConditionTests
{
    private static readonly Condition Yes = Cond.Equals(Rules.Const(1), 1);
    private static readonly Condition No = Cond.Equals(Rules.Const(1), 2);
    private static readonly Condition Undecidable = Cond.GreaterThan(Rules.Const("abc"), 1);

    [Fact]
    public void And_is_true_only_when_every_condition_is_true()
    {
        Assert.True(Map.Test(Cond.And(Yes, Yes), Map.Source("{}")));
        Assert.False(Map.Test(Cond.And(Yes, No), Map.Source("{}")));
    }

    [Fact]
    public void Or_is_true_when_any_condition_is_true()
    {
        Assert.True(Map.Test(Cond.Or(No, Yes), Map.Source("{}")));
        Assert.False(Map.Test(Cond.Or(No, No), Map.Source("{}")));
    }

    [Fact]
    public void Not_inverts()
    {
        Assert.True(Map.Test(Cond.Not(No), Map.Source("{}")));
        Assert.False(Map.Test(Cond.Not(Yes), Map.Source("{}")));
    }

    [Fact]
    public void And_stops_at_the_first_false_condition()
    {
        Assert.False(Map.Test(Cond.And(No, Undecidable), Map.Source("{}")));
    }

    [Fact]
    public void Or_stops_at_the_first_true_condition()
    {
        Assert.True(Map.Test(Cond.Or(Yes, Undecidable), Map.Source("{}")));
    }

    [Fact]
    public void A_condition_that_cannot_be_decided_is_a_problem_for_the_whole_test()
    {
        var (_, problem) = MappingEngine.Test(Cond.Not(Cond.And(Yes, Undecidable)), Map.Source("{}"));

        Assert.NotNull(problem);
    }
}
