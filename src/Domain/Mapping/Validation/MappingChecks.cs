namespace Koppel.Domain.Mapping;

/// <summary>
/// Walks a mapping's rule trees and names each fault by its JSON path ("fields[2].rule.then.path"), so the
/// portal can put the message next to the part of the tree that is wrong.
/// </summary>
internal sealed class MappingChecks
{
    private readonly List<(string Property, string Message)> _faults = [];
    private readonly IReadOnlySet<string>? _allowedTargets;
    private readonly IReadOnlyDictionary<string, TargetType> _types;
    private readonly int _maxDepth;

    private MappingChecks(IReadOnlySet<string>? allowedTargets, IReadOnlyDictionary<string, TargetType> types, int maxDepth)
    {
        _allowedTargets = allowedTargets;
        _types = types;
        _maxDepth = maxDepth;
    }

    public static IReadOnlyList<(string Property, string Message)> Check(FieldMapping mapping, IReadOnlySet<string>? allowedTargets, IReadOnlyDictionary<string, TargetType> types, int maxDepth)
    {
        var checks = new MappingChecks(allowedTargets, types, maxDepth);
        checks.Fields(mapping.Fields);
        return checks._faults;
    }

    private void Fields(IReadOnlyList<FieldRule>? fields)
    {
        if (fields is null)
            return;
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var path = $"fields[{i}]";
            var field = fields[i];
            if (field is null)
            {
                Fault(path, "Field must not be empty");
                continue;
            }
            Target(field.Target, $"{path}.target", i, firstIndex);
            Rule(field.Rule, $"{path}.rule", 1, $"Field \"{field.Target}\" needs a rule");
            if (field.Target is not null && _types.TryGetValue(field.Target, out var type))
                _faults.AddRange(RuleResults.Check(field.Rule, $"{path}.rule", type));
        }
        Nesting(fields);
    }

    private void Target(string? target, string path, int index, Dictionary<string, int> firstIndex)
    {
        if (!TargetPath.TryParse(target, out _, out var error))
        {
            Fault(path, error);
            return;
        }
        if (!firstIndex.TryAdd(target!, index))
            Fault(path, $"Target \"{target}\" is mapped more than once (first at fields[{firstIndex[target!]}])");
        if (_allowedTargets is not null && !_allowedTargets.Contains(target!))
            Fault(path, $"Target \"{target}\" is not a field of this flow (known fields: {string.Join(", ", _allowedTargets.Order(StringComparer.Ordinal))})");
    }

    // "attributes" and "attributes.name" cannot both be written: one would overwrite the other.
    private void Nesting(IReadOnlyList<FieldRule> fields)
    {
        var targets = fields.Where(f => f?.Target is not null).Select(f => f.Target).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var target = fields[i]?.Target;
            if (target is null)
                continue;
            for (var dot = target.IndexOf('.'); dot > 0; dot = target.IndexOf('.', dot + 1))
            {
                var parent = target[..dot];
                if (targets.Contains(parent))
                    Fault($"fields[{i}].target", $"Target \"{target}\" is inside \"{parent}\", which is mapped as a whole");
            }
        }
    }

    private void Rule(Rule? rule, string path, int depth, string whenMissing)
    {
        if (rule is null)
        {
            Fault(path, whenMissing);
            return;
        }
        if (TooDeep(path, depth))
            return;
        var next = depth + 1;
        switch (rule)
        {
            case CopyRule copy:
                if (!SourcePath.TryParse(copy.Path, out _, out var error))
                    Fault($"{path}.path", error);
                break;
            case IfRule conditional:
                Condition(conditional.Condition, $"{path}.condition", next, "If needs a condition");
                Rule(conditional.Then, $"{path}.then", next, "If needs a then rule");
                if (conditional.Otherwise is not null)
                    Rule(conditional.Otherwise, $"{path}.otherwise", next, "");
                break;
            case LookupRule lookup:
                Rule(lookup.Input, $"{path}.input", next, "Lookup needs an input rule");
                Table(lookup, $"{path}.table");
                if (lookup.Default is not null)
                    Rule(lookup.Default, $"{path}.default", next, "");
                break;
            case ArithmeticRule arithmetic:
                if (!ArithmeticRule.Operators.Contains(arithmetic.Operator))
                    Fault($"{path}.operator", $"Operator \"{arithmetic.Operator}\" is not one of {string.Join(" ", ArithmeticRule.Operators)}");
                Rule(arithmetic.Left, $"{path}.left", next, "Arithmetic needs a left operand");
                Rule(arithmetic.Right, $"{path}.right", next, "Arithmetic needs a right operand");
                break;
            case CoalesceRule coalesce:
                List(coalesce.Rules, $"{path}.rules", next, "Coalesce needs at least one rule");
                break;
            case FormatDateRule format:
                Rule(format.Input, $"{path}.input", next, "Date formatting needs an input rule");
                DateFormat(format.Format, $"{path}.format", "Date format");
                if (format.InputFormat is not null)
                    DateFormat(format.InputFormat, $"{path}.inputFormat", "Input date format");
                break;
            case FormatNumberRule format:
                Rule(format.Input, $"{path}.input", next, "Number formatting needs an input rule");
                if (string.IsNullOrEmpty(format.Format))
                    Fault($"{path}.format", "Number format must not be empty");
                else if (!FormatStrings.IsValidNumber(format.Format))
                    Fault($"{path}.format", $"Number format \"{format.Format}\" is not a valid .NET number format");
                break;
            case RoundRule round:
                Rule(round.Input, $"{path}.input", next, "Rounding needs an input rule");
                if (round.Decimals is < 0 or > RoundRule.MaxDecimals)
                    Fault($"{path}.decimals", $"Decimals must be between 0 and {RoundRule.MaxDecimals}");
                OneOf(round.Mode, RoundRule.Modes, $"{path}.mode", "Rounding mode");
                break;
            case TextRule text:
                Rule(text.Input, $"{path}.input", next, "Text transform needs an input rule");
                OneOf(text.Transform, TextRule.Transforms, $"{path}.transform", "Text transform");
                break;
            case ConcatRule concat:
                List(concat.Parts, $"{path}.parts", next, "Concat needs at least one part");
                break;
            case ConvertRule convert:
                Rule(convert.Input, $"{path}.input", next, "Convert needs an input rule");
                OneOf(convert.To, ConvertRule.Types, $"{path}.to", "Conversion type");
                break;
            case AddDaysRule addDays:
                Rule(addDays.Date, $"{path}.date", next, "Adding days needs a date rule");
                Rule(addDays.Days, $"{path}.days", next, "Adding days needs a days rule");
                break;
        }
    }

    private void Condition(Condition? condition, string path, int depth, string whenMissing)
    {
        if (condition is null)
        {
            Fault(path, whenMissing);
            return;
        }
        if (TooDeep(path, depth))
            return;
        var next = depth + 1;
        switch (condition)
        {
            case ComparisonCondition comparison:
                Rule(comparison.Left, $"{path}.left", next, "Comparison needs a left value");
                Rule(comparison.Right, $"{path}.right", next, "Comparison needs a right value");
                break;
            case IsEmptyCondition empty:
                Rule(empty.Value, $"{path}.value", next, "Is empty needs a value to test");
                break;
            case IsNotEmptyCondition notEmpty:
                Rule(notEmpty.Value, $"{path}.value", next, "Is not empty needs a value to test");
                break;
            case InCondition oneOf:
                Rule(oneOf.Value, $"{path}.value", next, "In needs a value to test");
                if (oneOf.Values is null || oneOf.Values.Count == 0)
                    Fault($"{path}.values", "In needs at least one value to compare with");
                break;
            case AndCondition and:
                Conditions(and.Conditions, $"{path}.conditions", next, "And needs at least one condition");
                break;
            case OrCondition or:
                Conditions(or.Conditions, $"{path}.conditions", next, "Or needs at least one condition");
                break;
            case NotCondition not:
                Condition(not.Condition, $"{path}.condition", next, "Not needs a condition");
                break;
        }
    }

    private void Table(LookupRule lookup, string path)
    {
        if (lookup.Table is null || lookup.Table.Count == 0)
        {
            Fault(path, "Lookup needs at least one entry");
            return;
        }
        var comparer = lookup.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var firstIndex = new Dictionary<string, int>(comparer);
        for (var i = 0; i < lookup.Table.Count; i++)
        {
            var key = lookup.Table[i]?.Key;
            if (string.IsNullOrWhiteSpace(key))
                Fault($"{path}[{i}].key", "Lookup key must not be empty");
            else if (!firstIndex.TryAdd(key, i))
                Fault($"{path}[{i}].key", $"Lookup key \"{key}\" appears more than once (first at table[{firstIndex[key]}])");
        }
    }

    private void List(IReadOnlyList<Rule>? rules, string path, int depth, string whenEmpty)
    {
        if (rules is null || rules.Count == 0)
        {
            Fault(path, whenEmpty);
            return;
        }
        for (var i = 0; i < rules.Count; i++)
            Rule(rules[i], $"{path}[{i}]", depth, "Rule must not be empty");
    }

    private void Conditions(IReadOnlyList<Condition>? conditions, string path, int depth, string whenEmpty)
    {
        if (conditions is null || conditions.Count == 0)
        {
            Fault(path, whenEmpty);
            return;
        }
        for (var i = 0; i < conditions.Count; i++)
            Condition(conditions[i], $"{path}[{i}]", depth, "Condition must not be empty");
    }

    private void DateFormat(string? format, string path, string label)
    {
        if (string.IsNullOrEmpty(format))
            Fault(path, $"{label} must not be empty");
        else if (!FormatStrings.IsValidDate(format))
            Fault(path, $"{label} \"{format}\" is not a valid .NET date format");
    }

    private void OneOf(string? value, IReadOnlyList<string> allowed, string path, string label)
    {
        if (value is null || !allowed.Contains(value))
            Fault(path, $"{label} \"{value}\" is not one of {string.Join(", ", allowed)}");
    }

    // A bound on nesting keeps evaluation's recursion shallow and the editor's tree readable.
    private bool TooDeep(string path, int depth)
    {
        if (depth <= _maxDepth)
            return false;
        Fault(path, $"Rules are nested more than {_maxDepth} levels deep; split or simplify this field");
        return true;
    }

    private void Fault(string property, string message) => _faults.Add((property, message));
}
