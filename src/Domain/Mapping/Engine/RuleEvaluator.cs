using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>
/// Evaluates one field's rule tree against one source record. Values returned may belong to the source or
/// to a rule's constant; callers clone before placing them in a payload.
/// </summary>
internal sealed partial class RuleEvaluator(JsonObject source, string field, MappingContext? context)
{
    private const int MaxDaysToAdd = 36_500;

    public Outcome Evaluate(Rule? rule) => rule switch
    {
        CopyRule copy => Copy(copy),
        ConstantRule constant => Outcome.Of(constant.Value),
        IfRule conditional => If(conditional),
        LookupRule lookup => Lookup(lookup),
        ArithmeticRule arithmetic => Arithmetic(arithmetic),
        CoalesceRule coalesce => Coalesce(coalesce),
        FormatDateRule format => FormatDate(format),
        FormatNumberRule format => FormatNumber(format),
        RoundRule round => Round(round),
        TextRule text => Text(text),
        ConcatRule concat => Concat(concat),
        ConvertRule convert => Convert(convert),
        AddDaysRule addDays => AddDays(addDays),
        NowRule => Now(),
        null => new Failure($"The rule of field \"{field}\" is incomplete (a part is missing)"),
        _ => new Failure($"Rule {rule.GetType().Name} is not supported (field \"{field}\")"),
    };

    private Outcome Copy(CopyRule rule)
    {
        if (!SourcePath.TryParse(rule.Path, out var path, out var error))
            return new Failure($"{error} (field \"{field}\")");
        return path.TryResolve(source, out var value)
            ? Outcome.Of(value)
            : new Failure($"Source field \"{rule.Path}\" is missing", MissingSource: true);
    }

    private Outcome If(IfRule rule)
    {
        var truth = Test(rule.Condition);
        if (truth.Failure is not null)
            return truth.Failure;
        if (truth.Value)
            return Evaluate(rule.Then);
        return rule.Otherwise is null ? Outcome.Of(null) : Evaluate(rule.Otherwise);
    }

    private Outcome Lookup(LookupRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null)
            return input;
        var key = Values.ScalarText(input.Value);
        var comparison = rule.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var entry in rule.Table ?? [])
            if (key is not null && string.Equals(entry.Key, key, comparison))
                return Outcome.Of(entry.Value);
        if (rule.Default is not null)
            return Evaluate(rule.Default);
        return new Failure($"No lookup entry for {Values.Describe(input.Value)} in field \"{field}\", and no default");
    }

    private Outcome Arithmetic(ArithmeticRule rule)
    {
        var left = Evaluate(rule.Left);
        if (left.Failure is not null)
            return left;
        var right = Evaluate(rule.Right);
        if (right.Failure is not null)
            return right;
        if (!Values.TryNumber(left.Value, allowText: true, out var a))
            return NotA(left.Value, "a number", "arithmetic");
        if (!Values.TryNumber(right.Value, allowText: true, out var b))
            return NotA(right.Value, "a number", "arithmetic");
        if (rule.Operator == ArithmeticRule.Divide && b == 0)
            return new Failure($"Cannot divide {Values.NumberText(a)} by zero in field \"{field}\"");
        try
        {
            return rule.Operator switch
            {
                ArithmeticRule.Add => Outcome.Of(Values.Number(a + b)),
                ArithmeticRule.Subtract => Outcome.Of(Values.Number(a - b)),
                ArithmeticRule.Multiply => Outcome.Of(Values.Number(a * b)),
                ArithmeticRule.Divide => Outcome.Of(Values.Number(a / b)),
                _ => new Failure($"Operator \"{rule.Operator}\" is not one of + - * / (field \"{field}\")"),
            };
        }
        catch (OverflowException)
        {
            return new Failure($"The result of arithmetic in field \"{field}\" is too large");
        }
    }

    private Outcome Coalesce(CoalesceRule rule)
    {
        foreach (var candidate in rule.Rules ?? [])
        {
            var outcome = Evaluate(candidate);
            if (outcome.Failure is { MissingSource: true })
                continue;
            if (outcome.Failure is not null || !Values.IsEmpty(outcome.Value))
                return outcome;
        }
        return Outcome.Of(null);
    }

    private Outcome FormatDate(FormatDateRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null || Values.IsEmpty(input.Value))
            return input.Failure is null ? Outcome.Of(null) : input;
        if (!DateValues.TryParse(Values.TextOf(input.Value), rule.InputFormat, out var date))
            return NotA(input.Value, rule.InputFormat is null ? "a date" : $"a date in the form \"{rule.InputFormat}\"", "formatDate");
        try
        {
            return Outcome.Of(Values.Text(date.ToString(rule.Format, CultureInfo.InvariantCulture)));
        }
        catch (FormatException)
        {
            return new Failure($"Date format \"{rule.Format}\" is not valid (field \"{field}\")");
        }
    }

    private Outcome FormatNumber(FormatNumberRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null || Values.IsEmpty(input.Value))
            return input.Failure is null ? Outcome.Of(null) : input;
        if (!Values.TryNumber(input.Value, allowText: true, out var number))
            return NotA(input.Value, "a number", "formatNumber");
        try
        {
            return Outcome.Of(Values.Text(number.ToString(rule.Format, CultureInfo.InvariantCulture)));
        }
        catch (FormatException)
        {
            return new Failure($"Number format \"{rule.Format}\" is not valid (field \"{field}\")");
        }
    }

    private Outcome Round(RoundRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null || Values.IsEmpty(input.Value))
            return input.Failure is null ? Outcome.Of(null) : input;
        if (!Values.TryNumber(input.Value, allowText: true, out var number))
            return NotA(input.Value, "a number", "round");
        if (rule.Decimals is < 0 or > RoundRule.MaxDecimals)
            return new Failure($"Cannot round to {rule.Decimals} decimals in field \"{field}\" (0 to {RoundRule.MaxDecimals})");
        MidpointRounding? mode = rule.Mode switch
        {
            RoundRule.Nearest => MidpointRounding.AwayFromZero,
            RoundRule.Up => MidpointRounding.ToPositiveInfinity,
            RoundRule.Down => MidpointRounding.ToNegativeInfinity,
            _ => null,
        };
        if (mode is null)
            return new Failure($"Rounding mode \"{rule.Mode}\" is not one of {string.Join(", ", RoundRule.Modes)} (field \"{field}\")");
        return Outcome.Of(Values.Number(Math.Round(number, rule.Decimals, mode.Value)));
    }

    private Outcome Text(TextRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null || (Values.IsEmpty(input.Value) && Values.TextOf(input.Value) is null))
            return input.Failure is null ? Outcome.Of(null) : input;
        var text = Values.ScalarText(input.Value);
        if (text is null)
            return NotA(input.Value, "text", "text");
        return rule.Transform switch
        {
            TextRule.Trim => Outcome.Of(Values.Text(text.Trim())),
            TextRule.Upper => Outcome.Of(Values.Text(text.ToUpperInvariant())),
            TextRule.Lower => Outcome.Of(Values.Text(text.ToLowerInvariant())),
            _ => new Failure($"Text transform \"{rule.Transform}\" is not one of {string.Join(", ", TextRule.Transforms)} (field \"{field}\")"),
        };
    }

    private Outcome Concat(ConcatRule rule)
    {
        var texts = new List<string>();
        foreach (var part in rule.Parts ?? [])
        {
            var outcome = Evaluate(part);
            if (outcome.Failure is not null)
                return outcome;
            if (Values.IsEmpty(outcome.Value))
                continue;
            var text = Values.ScalarText(outcome.Value);
            if (text is null)
                return NotA(outcome.Value, "text", "concat");
            texts.Add(text);
        }
        return Outcome.Of(texts.Count == 0 ? null : Values.Text(string.Join(rule.Separator, texts)));
    }

    private Outcome Convert(ConvertRule rule)
    {
        var input = Evaluate(rule.Input);
        if (input.Failure is not null || Values.IsEmpty(input.Value))
            return input.Failure is null ? Outcome.Of(null) : input;
        var value = input.Value;
        switch (rule.To)
        {
            case ConvertRule.Text:
                var text = Values.ScalarText(value);
                return text is null ? NotA(value, "text", "convert") : Outcome.Of(Values.Text(text));
            case ConvertRule.Number:
                return Values.TryNumber(value, allowText: true, out var number)
                    ? Outcome.Of(Values.Number(number))
                    : NotA(value, "a number", "convert");
            case ConvertRule.Boolean:
                if (Values.TryBoolean(value, out var boolean))
                    return Outcome.Of(JsonValue.Create(boolean));
                // Some sources write flags as 1 and 0.
                if (Values.TryNumber(value, allowText: true, out var flag) && flag is 0 or 1)
                    return Outcome.Of(JsonValue.Create(flag == 1));
                return NotA(value, "a boolean", "convert");
            default:
                return new Failure($"Cannot convert to \"{rule.To}\"; use one of {string.Join(", ", ConvertRule.Types)} (field \"{field}\")");
        }
    }

    private Outcome AddDays(AddDaysRule rule)
    {
        var date = Evaluate(rule.Date);
        if (date.Failure is not null || Values.IsEmpty(date.Value))
            return date.Failure is null ? Outcome.Of(null) : date;
        var days = Evaluate(rule.Days);
        if (days.Failure is not null)
            return days;
        if (!DateValues.TryParse(Values.TextOf(date.Value), null, out var start))
            return NotA(date.Value, "a date", "addDays");
        if (!Values.TryNumber(days.Value, allowText: true, out var count))
            return NotA(days.Value, "a number of days", "addDays");
        if (count != decimal.Truncate(count) || Math.Abs(count) > MaxDaysToAdd)
            return NotA(days.Value, $"a whole number of days up to {MaxDaysToAdd}", "addDays");
        var result = rule.WorkingDays ? DateValues.AddWorkingDays(start, (int)count) : start.AddDays((int)count);
        return Outcome.Of(Values.Text(DateValues.ToIso(result)));
    }

    private Outcome Now() =>
        context is null
            ? new Failure($"The current time is not available to this mapping (needed for now in field \"{field}\")")
            : Outcome.Of(Values.Text(DateValues.ToIso(context.Now)));

    private Failure NotA(JsonNode? value, string what, string ruleKind) =>
        new($"{Capitalised(Values.Describe(value))} is not {what} (needed for {ruleKind} in field \"{field}\")");

    private static string Capitalised(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}
