using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Short constructors for conditions; a plain value on the right becomes a constant rule.</summary>
public static class Cond
{
    public static Condition Equals(Rule left, Rule right, bool ignoreCase = false) => new EqualsCondition(left, right, ignoreCase);

    public static Condition Equals(Rule left, JsonNode? right, bool ignoreCase = false) => new EqualsCondition(left, Rules.Const(right), ignoreCase);

    public static Condition NotEquals(Rule left, Rule right, bool ignoreCase = false) => new NotEqualsCondition(left, right, ignoreCase);

    public static Condition NotEquals(Rule left, JsonNode? right, bool ignoreCase = false) => new NotEqualsCondition(left, Rules.Const(right), ignoreCase);

    public static Condition GreaterThan(Rule left, Rule right) => new GreaterThanCondition(left, right);

    public static Condition GreaterThan(Rule left, JsonNode? right) => new GreaterThanCondition(left, Rules.Const(right));

    public static Condition LessThan(Rule left, Rule right) => new LessThanCondition(left, right);

    public static Condition LessThan(Rule left, JsonNode? right) => new LessThanCondition(left, Rules.Const(right));

    public static Condition GreaterOrEqual(Rule left, Rule right) => new GreaterOrEqualCondition(left, right);

    public static Condition GreaterOrEqual(Rule left, JsonNode? right) => new GreaterOrEqualCondition(left, Rules.Const(right));

    public static Condition LessOrEqual(Rule left, Rule right) => new LessOrEqualCondition(left, right);

    public static Condition LessOrEqual(Rule left, JsonNode? right) => new LessOrEqualCondition(left, Rules.Const(right));

    public static Condition Contains(Rule left, Rule right, bool ignoreCase = false) => new ContainsCondition(left, right, ignoreCase);

    public static Condition Contains(Rule left, JsonNode? right, bool ignoreCase = false) => new ContainsCondition(left, Rules.Const(right), ignoreCase);

    public static Condition IsEmpty(Rule value) => new IsEmptyCondition(value);

    public static Condition IsNotEmpty(Rule value) => new IsNotEmptyCondition(value);

    public static Condition In(Rule value, params JsonNode?[] values) => new InCondition(value, values);

    public static Condition And(params Condition[] conditions) => new AndCondition(conditions);

    public static Condition Or(params Condition[] conditions) => new OrCondition(conditions);

    public static Condition Not(Condition condition) => new NotCondition(condition);
}
