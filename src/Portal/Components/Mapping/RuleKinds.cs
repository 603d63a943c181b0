using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;

namespace Koppel.Portal.Components.Mapping;

/// <summary>A choice in the "what gives this value" menu of the rule editor.</summary>
public sealed record RuleKind(string Key, string Label);

/// <summary>
/// The rule kinds a person can pick, and how switching kind keeps what was there: a transform takes the current
/// rule as its input, and "if" keeps it as the "otherwise", so wrapping a field in a condition loses nothing.
/// </summary>
public static class RuleKinds
{
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        new("copy", "Source field"),
        new("constant", "Fixed value"),
        new("if", "If / then / otherwise"),
        new("lookup", "Lookup table"),
        new("coalesce", "First non-empty of"),
        new("concat", "Join texts"),
        new("text", "Text case / trim"),
        new("round", "Round number"),
        new("formatNumber", "Format number"),
        new("formatDate", "Format date"),
        new("arithmetic", "Calculate"),
        new("convert", "Convert type"),
        new("addDays", "Add days to a date"),
        new("now", "Time of the run"),
    ];

    public static string KindOf(Rule? rule) => rule switch
    {
        CopyRule => "copy",
        ConstantRule => "constant",
        IfRule => "if",
        LookupRule => "lookup",
        CoalesceRule => "coalesce",
        ConcatRule => "concat",
        TextRule => "text",
        RoundRule => "round",
        FormatNumberRule => "formatNumber",
        FormatDateRule => "formatDate",
        ArithmeticRule => "arithmetic",
        ConvertRule => "convert",
        AddDaysRule => "addDays",
        NowRule => "now",
        _ => "copy",
    };

    public static Rule Switch(string kind, Rule? current)
    {
        var input = current ?? new CopyRule("");
        return kind switch
        {
            "copy" => current as CopyRule ?? new CopyRule(FirstPath(current) ?? ""),
            "constant" => new ConstantRule(JsonValue.Create("")),
            "if" => new IfRule(new EqualsCondition(new CopyRule(""), new ConstantRule(JsonValue.Create(""))), new ConstantRule(JsonValue.Create("")), input),
            "lookup" => new LookupRule(input, [new LookupEntry("", JsonValue.Create(""))]),
            "coalesce" => new CoalesceRule([input, new ConstantRule(JsonValue.Create(""))]),
            "concat" => new ConcatRule([input], " "),
            "text" => new TextRule(input, TextRule.Trim),
            "round" => new RoundRule(input, 2),
            "formatNumber" => new FormatNumberRule(input, "0.00"),
            "formatDate" => new FormatDateRule(input, "yyyy-MM-dd"),
            "arithmetic" => new ArithmeticRule(ArithmeticRule.Multiply, input, new ConstantRule(JsonValue.Create(1))),
            "convert" => new ConvertRule(input, ConvertRule.Text),
            "addDays" => new AddDaysRule(input, new ConstantRule(JsonValue.Create(1))),
            "now" => new NowRule(),
            _ => input,
        };
    }

    /// <summary>A fresh rule for a new slot (a new concat part, the "otherwise" just switched on).</summary>
    public static Rule Blank() => new CopyRule("");

    private static string? FirstPath(Rule? rule) => rule switch
    {
        CopyRule copy => copy.Path,
        IfRule r => FirstPath(r.Otherwise) ?? FirstPath(r.Then),
        LookupRule r => FirstPath(r.Input),
        CoalesceRule r => r.Rules.Select(FirstPath).FirstOrDefault(p => p is not null),
        ConcatRule r => r.Parts.Select(FirstPath).FirstOrDefault(p => p is not null),
        TextRule r => FirstPath(r.Input),
        RoundRule r => FirstPath(r.Input),
        FormatNumberRule r => FirstPath(r.Input),
        FormatDateRule r => FirstPath(r.Input),
        ArithmeticRule r => FirstPath(r.Left),
        ConvertRule r => FirstPath(r.Input),
        AddDaysRule r => FirstPath(r.Date),
        _ => null,
    };
}

/// <summary>A choice in the condition menu.</summary>
public static class ConditionKinds
{
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        new("equals", "equals"),
        new("notEquals", "does not equal"),
        new("greaterThan", "is greater than"),
        new("lessThan", "is less than"),
        new("greaterOrEqual", "is at least"),
        new("lessOrEqual", "is at most"),
        new("contains", "contains"),
        new("isEmpty", "is empty"),
        new("isNotEmpty", "is not empty"),
        new("in", "is one of"),
        new("and", "all of these (and)"),
        new("or", "any of these (or)"),
        new("not", "not"),
    ];

    public static string KindOf(Condition? condition) => condition switch
    {
        EqualsCondition => "equals",
        NotEqualsCondition => "notEquals",
        GreaterThanCondition => "greaterThan",
        LessThanCondition => "lessThan",
        GreaterOrEqualCondition => "greaterOrEqual",
        LessOrEqualCondition => "lessOrEqual",
        ContainsCondition => "contains",
        IsEmptyCondition => "isEmpty",
        IsNotEmptyCondition => "isNotEmpty",
        InCondition => "in",
        AndCondition => "and",
        OrCondition => "or",
        NotCondition => "not",
        _ => "equals",
    };

    /// <summary>Keeps the tested value (and the compared one) when the comparison changes; "and"/"or"/"not" wrap the current condition.</summary>
    public static Condition Switch(string kind, Condition? current)
    {
        var (left, right, ignoreCase) = current switch
        {
            ComparisonCondition c => (c.Left, c.Right, c.IgnoreCase),
            IsEmptyCondition c => (c.Value, null, false),
            IsNotEmptyCondition c => (c.Value, null, false),
            InCondition c => (c.Value, null, c.IgnoreCase),
            _ => (null, null, false),
        };
        left ??= new CopyRule("");
        right ??= new ConstantRule(JsonValue.Create(""));
        var self = current ?? new EqualsCondition(left, right);
        return kind switch
        {
            "equals" => new EqualsCondition(left, right, ignoreCase),
            "notEquals" => new NotEqualsCondition(left, right, ignoreCase),
            "greaterThan" => new GreaterThanCondition(left, right),
            "lessThan" => new LessThanCondition(left, right),
            "greaterOrEqual" => new GreaterOrEqualCondition(left, right),
            "lessOrEqual" => new LessOrEqualCondition(left, right),
            "contains" => new ContainsCondition(left, right, ignoreCase),
            "isEmpty" => new IsEmptyCondition(left),
            "isNotEmpty" => new IsNotEmptyCondition(left),
            "in" => new InCondition(left, [JsonValue.Create("")], ignoreCase),
            "and" => new AndCondition([self]),
            "or" => new OrCondition([self]),
            "not" => new NotCondition(self),
            _ => self,
        };
    }

    public static Condition Rebuild(ComparisonCondition c, Rule left, Rule right, bool ignoreCase) => c switch
    {
        EqualsCondition => new EqualsCondition(left, right, ignoreCase),
        NotEqualsCondition => new NotEqualsCondition(left, right, ignoreCase),
        GreaterThanCondition => new GreaterThanCondition(left, right, ignoreCase),
        LessThanCondition => new LessThanCondition(left, right, ignoreCase),
        GreaterOrEqualCondition => new GreaterOrEqualCondition(left, right, ignoreCase),
        LessOrEqualCondition => new LessOrEqualCondition(left, right, ignoreCase),
        ContainsCondition => new ContainsCondition(left, right, ignoreCase),
        _ => c,
    };
}
