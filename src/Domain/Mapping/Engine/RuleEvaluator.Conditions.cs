using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>The condition half of the evaluator: operands treat a missing source field as empty.</summary>
internal sealed partial class RuleEvaluator
{
    public Truth Test(Condition? condition) => condition switch
    {
        EqualsCondition c => Equality(c, expected: true),
        NotEqualsCondition c => Equality(c, expected: false),
        GreaterThanCondition c => Order(c, "greaterThan", sign => sign > 0),
        LessThanCondition c => Order(c, "lessThan", sign => sign < 0),
        GreaterOrEqualCondition c => Order(c, "greaterOrEqual", sign => sign >= 0),
        LessOrEqualCondition c => Order(c, "lessOrEqual", sign => sign <= 0),
        ContainsCondition c => Contains(c),
        IsEmptyCondition c => Emptiness(c.Value, expected: true),
        IsNotEmptyCondition c => Emptiness(c.Value, expected: false),
        InCondition c => In(c),
        AndCondition c => All(c.Conditions),
        OrCondition c => Any(c.Conditions),
        NotCondition c => Not(c),
        null => new Failure($"A condition of field \"{field}\" is incomplete (a part is missing)"),
        _ => new Failure($"Condition {condition.GetType().Name} is not supported (field \"{field}\")"),
    };

    private Truth Equality(ComparisonCondition condition, bool expected)
    {
        if (Operands(condition, out var left, out var right) is { } failure)
            return failure;
        return Truth.Of(ValueComparer.AreEqual(left, right, condition.IgnoreCase) == expected);
    }

    private Truth Order(ComparisonCondition condition, string name, Func<int, bool> accept)
    {
        if (Operands(condition, out var left, out var right) is { } failure)
            return failure;
        // "X > 0" on a record without X is simply false, matching how missing fields behave in conditions.
        if (Values.IsEmpty(left) || Values.IsEmpty(right))
            return Truth.False;
        var sign = ValueComparer.Compare(left, right, condition.IgnoreCase);
        if (sign is null)
            return new Failure($"{Capitalised(Values.Describe(left))} and {Values.Describe(right)} cannot be compared (needed for {name} in field \"{field}\")");
        return Truth.Of(accept(sign.Value));
    }

    private Truth Contains(ContainsCondition condition)
    {
        if (Operands(condition, out var left, out var right) is { } failure)
            return failure;
        return Truth.Of(!Values.IsEmpty(left) && !Values.IsEmpty(right) && ValueComparer.Contains(left, right, condition.IgnoreCase));
    }

    private Truth Emptiness(Rule value, bool expected)
    {
        var operand = Operand(value);
        if (operand.Failure is not null)
            return operand.Failure;
        return Truth.Of(Values.IsEmpty(operand.Value) == expected);
    }

    private Truth In(InCondition condition)
    {
        var operand = Operand(condition.Value);
        if (operand.Failure is not null)
            return operand.Failure;
        return Truth.Of((condition.Values ?? []).Any(candidate => ValueComparer.AreEqual(operand.Value, candidate, condition.IgnoreCase)));
    }

    private Truth All(IReadOnlyList<Condition>? conditions)
    {
        foreach (var condition in conditions ?? [])
        {
            var truth = Test(condition);
            if (truth.Failure is not null || !truth.Value)
                return truth;
        }
        return Truth.True;
    }

    private Truth Any(IReadOnlyList<Condition>? conditions)
    {
        foreach (var condition in conditions ?? [])
        {
            var truth = Test(condition);
            if (truth.Failure is not null || truth.Value)
                return truth;
        }
        return Truth.False;
    }

    private Truth Not(NotCondition condition)
    {
        var truth = Test(condition.Condition);
        return truth.Failure is null ? Truth.Of(!truth.Value) : truth;
    }

    private Failure? Operands(ComparisonCondition condition, out JsonNode? left, out JsonNode? right)
    {
        var leftOutcome = Operand(condition.Left);
        var rightOutcome = Operand(condition.Right);
        left = leftOutcome.Value;
        right = rightOutcome.Value;
        return leftOutcome.Failure ?? rightOutcome.Failure;
    }

    // Inside a condition a missing source field is an empty value, so "If X is empty" can test for it.
    private Outcome Operand(Rule operand)
    {
        var outcome = Evaluate(operand);
        return outcome.Failure is { MissingSource: true } ? Outcome.Of(null) : outcome;
    }
}
