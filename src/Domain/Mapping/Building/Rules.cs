using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Short constructors for rule trees, so default mappings in code read like the seed's tables.</summary>
public static class Rules
{
    public static Rule Copy(string path) => new CopyRule(path);

    /// <summary>Strings, numbers and booleans convert to <see cref="JsonNode"/> implicitly: Const("enabled"), Const(0), Const(true).</summary>
    public static Rule Const(JsonNode? value) => new ConstantRule(value);

    public static Rule Null() => new ConstantRule(null);

    public static Rule If(Condition condition, Rule then, Rule? otherwise = null) => new IfRule(condition, then, otherwise);

    public static Rule Lookup(Rule input, params (string Key, JsonNode? Value)[] table) =>
        new LookupRule(input, ToEntries(table));

    public static Rule Lookup(Rule input, Rule otherwise, params (string Key, JsonNode? Value)[] table) =>
        new LookupRule(input, ToEntries(table), otherwise);

    public static Rule Add(Rule left, Rule right) => new ArithmeticRule(ArithmeticRule.Add, left, right);

    public static Rule Subtract(Rule left, Rule right) => new ArithmeticRule(ArithmeticRule.Subtract, left, right);

    public static Rule Multiply(Rule left, Rule right) => new ArithmeticRule(ArithmeticRule.Multiply, left, right);

    public static Rule Divide(Rule left, Rule right) => new ArithmeticRule(ArithmeticRule.Divide, left, right);

    public static Rule Coalesce(params Rule[] rules) => new CoalesceRule(rules);

    public static Rule FormatDate(Rule input, string format, string? inputFormat = null) => new FormatDateRule(input, format, inputFormat);

    public static Rule FormatNumber(Rule input, string format) => new FormatNumberRule(input, format);

    public static Rule Round(Rule input, int decimals = 0, string mode = RoundRule.Nearest) => new RoundRule(input, decimals, mode);

    public static Rule RoundUp(Rule input, int decimals = 0) => new RoundRule(input, decimals, RoundRule.Up);

    public static Rule Trim(Rule input) => new TextRule(input, TextRule.Trim);

    public static Rule Upper(Rule input) => new TextRule(input, TextRule.Upper);

    public static Rule Lower(Rule input) => new TextRule(input, TextRule.Lower);

    public static Rule Concat(string separator, params Rule[] parts) => new ConcatRule(parts, separator);

    public static Rule ToText(Rule input) => new ConvertRule(input, ConvertRule.Text);

    public static Rule ToNumber(Rule input) => new ConvertRule(input, ConvertRule.Number);

    public static Rule ToBoolean(Rule input) => new ConvertRule(input, ConvertRule.Boolean);

    public static Rule AddDays(Rule date, Rule days) => new AddDaysRule(date, days);

    public static Rule AddWorkingDays(Rule date, Rule days) => new AddDaysRule(date, days, WorkingDays: true);

    public static Rule Now() => new NowRule();

    private static LookupEntry[] ToEntries((string Key, JsonNode? Value)[] table) =>
        table.Select(row => new LookupEntry(row.Key, row.Value)).ToArray();
}
