namespace Koppel.Domain.Mapping;

/// <summary>
/// A rule tree in one line of plain words ("if IsStockItem = false then "Service" otherwise Description"), for
/// the field list and the version diff, where a person must see at a glance what a field does.
/// </summary>
public static class RuleText
{
    public static string Describe(Rule? rule) => rule switch
    {
        null => "(nothing)",
        CopyRule copy => string.IsNullOrWhiteSpace(copy.Path) ? "(pick a source field)" : copy.Path,
        ConstantRule constant => JsonText.Of(constant.Value) is "(none)" ? "null" : JsonText.Of(constant.Value),
        IfRule r => r.Otherwise is null
            ? $"if {Describe(r.Condition)} then {Describe(r.Then)}"
            : $"if {Describe(r.Condition)} then {Describe(r.Then)} otherwise {Describe(r.Otherwise)}",
        LookupRule r => $"lookup {Describe(r.Input)} in {r.Table?.Count ?? 0} row{(r.Table?.Count == 1 ? "" : "s")}"
                        + (r.Default is null ? "" : $", else {Describe(r.Default)}"),
        ArithmeticRule r => $"({Describe(r.Left)} {r.Operator} {Describe(r.Right)})",
        CoalesceRule r => $"first non-empty of ({string.Join(", ", (r.Rules ?? []).Select(Describe))})",
        FormatDateRule r => $"date {Describe(r.Input)} as \"{r.Format}\"",
        FormatNumberRule r => $"number {Describe(r.Input)} as \"{r.Format}\"",
        RoundRule r => $"round {r.Mode} {Describe(r.Input)} to {r.Decimals} decimal{(r.Decimals == 1 ? "" : "s")}",
        TextRule r => $"{r.Transform} {Describe(r.Input)}",
        ConcatRule r => $"join ({string.Join(", ", (r.Parts ?? []).Select(Describe))})" + (string.IsNullOrEmpty(r.Separator) ? "" : $" with \"{r.Separator}\""),
        ConvertRule r => $"{Describe(r.Input)} as {r.To}",
        AddDaysRule r => $"{Describe(r.Date)} + {Describe(r.Days)} {(r.WorkingDays ? "working days" : "days")}",
        NowRule => "now",
        _ => rule.GetType().Name,
    };

    public static string Describe(Condition? condition) => condition switch
    {
        null => "(no condition)",
        EqualsCondition c => $"{Describe(c.Left)} = {Describe(c.Right)}",
        NotEqualsCondition c => $"{Describe(c.Left)} ≠ {Describe(c.Right)}",
        GreaterThanCondition c => $"{Describe(c.Left)} > {Describe(c.Right)}",
        LessThanCondition c => $"{Describe(c.Left)} < {Describe(c.Right)}",
        GreaterOrEqualCondition c => $"{Describe(c.Left)} ≥ {Describe(c.Right)}",
        LessOrEqualCondition c => $"{Describe(c.Left)} ≤ {Describe(c.Right)}",
        ContainsCondition c => $"{Describe(c.Left)} contains {Describe(c.Right)}",
        IsEmptyCondition c => $"{Describe(c.Value)} is empty",
        IsNotEmptyCondition c => $"{Describe(c.Value)} is not empty",
        InCondition c => $"{Describe(c.Value)} in ({string.Join(", ", (c.Values ?? []).Select(JsonText.Of))})",
        AndCondition c => "(" + string.Join(" and ", (c.Conditions ?? []).Select(Describe)) + ")",
        OrCondition c => "(" + string.Join(" or ", (c.Conditions ?? []).Select(Describe)) + ")",
        NotCondition c => $"not {Describe(c.Condition)}",
        _ => condition.GetType().Name,
    };
}
