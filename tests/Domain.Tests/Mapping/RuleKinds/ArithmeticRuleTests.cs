using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class ArithmeticRuleTests
{
    // Seed, Buy Order Lines OP > Exact: quantity = IF useLot THEN quantity / lotSize.
    private static readonly Rule Lots = Rules.Divide(Rules.Copy("quantity"), Rules.Copy("lotSize"));

    [Fact]
    public void Divides_quantity_by_lot_size_and_writes_a_whole_result_as_an_integer()
    {
        Assert.Equal("4", Map.Json(Lots, Map.Source("""{"quantity":24,"lotSize":6}""")));
    }

    [Fact]
    public void A_fractional_result_keeps_its_decimals_without_trailing_zeros()
    {
        Assert.Equal("2.5", Map.Json(Lots, Map.Source("""{"quantity":15.00,"lotSize":6}""")));
    }

    [Fact]
    public void Adds_subtracts_and_multiplies_in_decimal_without_binary_rounding()
    {
        var source = Map.Source("""{"a":0.1,"b":0.2}""");

        Assert.Equal("0.3", Map.Json(Rules.Add(Rules.Copy("a"), Rules.Copy("b")), source));
        Assert.Equal("-0.1", Map.Json(Rules.Subtract(Rules.Copy("a"), Rules.Copy("b")), source));
        Assert.Equal("0.02", Map.Json(Rules.Multiply(Rules.Copy("a"), Rules.Copy("b")), source));
    }

    [Fact]
    public void Numeric_text_is_read_as_a_number()
    {
        Assert.Equal("4", Map.Json(Lots, Map.Source("""{"quantity":"24","lotSize":6}""")));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_a_problem()
    {
        Assert.Equal("\"abc\" is not a number (needed for arithmetic in field \"field\")",
            Map.Problem(Lots, Map.Source("""{"quantity":"abc","lotSize":6}""")));
    }

    [Fact]
    public void An_empty_operand_is_a_problem_not_zero()
    {
        Assert.Equal("An empty value is not a number (needed for arithmetic in field \"field\")",
            Map.Problem(Lots, Map.Source("""{"quantity":24,"lotSize":null}""")));
    }

    [Fact]
    public void Dividing_by_zero_is_a_problem_not_an_exception()
    {
        Assert.Equal("Cannot divide 24 by zero in field \"field\"",
            Map.Problem(Lots, Map.Source("""{"quantity":24,"lotSize":0}""")));
    }

    [Fact]
    public void An_unknown_operator_is_a_problem()
    {
        var rule = new ArithmeticRule("%", Rules.Const(7), Rules.Const(2));

        Assert.Equal("Operator \"%\" is not one of + - * / (field \"field\")", Map.Problem(rule, Map.Source("{}")));
    }

    [Fact]
    public void An_overflowing_result_is_a_problem()
    {
        var rule = Rules.Multiply(Rules.Const(decimal.MaxValue), Rules.Const(2));

        Assert.Equal("The result of arithmetic in field \"field\" is too large", Map.Problem(rule, Map.Source("{}")));
    }
}
