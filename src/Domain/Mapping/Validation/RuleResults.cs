namespace Koppel.Domain.Mapping;

/// <summary>
/// Checks, without a record, that what a field's rule can yield fits the field's <see cref="TargetType"/>. The rule
/// tree is followed to the rules whose value ends up in the field (both branches of an if, every lookup value,
/// every coalesce alternative) and each is judged on its own, so the message lands at the rule that is wrong.
/// </summary>
internal static class RuleResults
{
    public static IEnumerable<(string Path, string Message)> Check(Rule? rule, string path, TargetType target, int depth = 0)
    {
        // Deeper trees are refused by the structural checks already.
        if (rule is null || depth > FieldMappingValidator.MaxDepth)
            yield break;
        switch (rule)
        {
            case ConstantRule constant:
                if (target.Refuses(constant.Value) is { } refused)
                    yield return (path, $"{refused}; this fixed value would be refused by the target");
                break;
            case LookupRule lookup:
                for (var i = 0; i < (lookup.Table?.Count ?? 0); i++)
                    if (lookup.Table![i] is { } entry && target.Refuses(entry.Value) is { } refusedValue)
                        yield return ($"{path}.table[{i}].value", $"{refusedValue}; this lookup value would be refused by the target");
                foreach (var fault in Check(lookup.Default, $"{path}.default", target, depth + 1))
                    yield return fault;
                break;
            case IfRule conditional:
                foreach (var fault in Check(conditional.Then, $"{path}.then", target, depth + 1).Concat(Check(conditional.Otherwise, $"{path}.otherwise", target, depth + 1)))
                    yield return fault;
                break;
            case CoalesceRule coalesce:
                for (var i = 0; i < (coalesce.Rules?.Count ?? 0); i++)
                    foreach (var fault in Check(coalesce.Rules![i], $"{path}.rules[{i}]", target, depth + 1))
                        yield return fault;
                break;
            default:
                var kinds = KindsOf(rule);
                if (!target.Accepts(kinds))
                    yield return (path, $"Field \"{target.Name}\" takes {target.Expected}; {Describe(rule)} gives {TargetType.Article(kinds)}{Hint(target)}");
                break;
        }
    }

    /// <summary>The kinds a computing rule yields; a copied source field can be anything and is checked on the records.</summary>
    private static ValueKinds KindsOf(Rule rule) => rule switch
    {
        ArithmeticRule or RoundRule => ValueKinds.Number,
        FormatDateRule or FormatNumberRule or TextRule or ConcatRule or AddDaysRule or NowRule => ValueKinds.Text,
        ConvertRule { To: ConvertRule.Number } => ValueKinds.Number,
        ConvertRule { To: ConvertRule.Boolean } => ValueKinds.Boolean,
        ConvertRule { To: ConvertRule.Text } => ValueKinds.Text,
        _ => ValueKinds.None,
    };

    private static string Describe(Rule rule) => rule switch
    {
        ArithmeticRule => "arithmetic",
        RoundRule => "rounding",
        FormatDateRule => "date formatting",
        FormatNumberRule => "number formatting",
        TextRule => "a text transform",
        ConcatRule => "concat",
        AddDaysRule => "adding days",
        NowRule => "the sync time",
        ConvertRule => "this conversion",
        _ => "this rule",
    };

    private static string Hint(TargetType target) => target.Type switch
    {
        "number" => " (convert it to a number first)",
        "text" => " (convert it to text first)",
        "boolean" => " (convert it to a boolean first)",
        _ => "",
    };
}
