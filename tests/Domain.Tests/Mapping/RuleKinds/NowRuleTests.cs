using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class NowRuleTests
{
    [Fact]
    public void Gives_the_time_passed_in_by_the_run()
    {
        var context = new MappingContext(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero));

        Assert.Equal("\"2024-03-01T09:30:00+00:00\"", Map.Json(Rules.Now(), Map.Source("{}"), context));
    }

    [Fact]
    public void Without_a_time_from_the_run_it_is_a_problem_rather_than_the_servers_clock()
    {
        Assert.Equal("The current time is not available to this mapping (needed for now in field \"field\")",
            Map.Problem(Rules.Now(), Map.Source("{}")));
    }
}
