using System.Text;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// MoySklad's filter grammar: <c>filter=cond;cond</c> (a literal ';' escaped as '\;'), operators
/// <c>= != &gt; &lt; &gt;= &lt;= ~ ~= =~</c>; repeated '=' on one field is OR, repeated '!=' is AND, '=' mixed with a
/// range on one field is an error, different fields are AND; <c>field=</c> means empty. Entities hide archived
/// records unless the filter names <c>archived</c>.
/// </summary>
internal sealed class MoySkladFilter
{
    private static readonly string[] Operators = [">=", "<=", "!=", "~=", "=~", "=", ">", "<", "~"];
    private readonly List<(string Field, string Op, string Value)> _conditions;

    private MoySkladFilter(List<(string, string, string)> conditions) => _conditions = conditions;

    public bool NamesArchived => _conditions.Any(c => c.Field == "archived");

    /// <summary>Parses the filter; throws <see cref="MoySkladError"/> (412) for an unknown field or a bad mix.</summary>
    public static MoySkladFilter Parse(string? filter, IReadOnlySet<string> fields)
    {
        var conditions = new List<(string, string, string)>();
        foreach (var part in Split(filter ?? ""))
        {
            var (index, op) = Operators.Select(o => (part.IndexOf(o, StringComparison.Ordinal), o))
                .Where(x => x.Item1 > 0).OrderBy(x => x.Item1).ThenByDescending(x => x.o.Length).FirstOrDefault();
            if (op is null) throw MoySkladError.BadFilter($"Неверное условие фильтрации '{part}'");
            var field = part[..index].Trim();
            if (!fields.Contains(field)) throw MoySkladError.BadFilter($"Неизвестное поле фильтрации '{field}'");
            conditions.Add((field, op, part[(index + op.Length)..]));
        }
        foreach (var group in conditions.GroupBy(c => c.Item1))
            if (group.Any(c => c.Item2 == "=") && group.Any(c => c.Item2 is ">" or "<" or ">=" or "<="))
                throw MoySkladError.BadFilter($"Поле '{group.Key}' нельзя одновременно фильтровать по равенству и диапазону");
        return new MoySkladFilter(conditions);
    }

    public bool Matches(JsonObject entity)
    {
        if (!NamesArchived && entity["archived"]?.GetValue<bool>() == true) return false;
        foreach (var group in _conditions.GroupBy(c => c.Field))
        {
            var value = entity[group.Key] switch
            {
                null => "",
                JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
                JsonValue v => v.ToString(),
                JsonObject o => o["meta"]?["href"]?.ToString() ?? "",
                _ => "",
            };
            var equals = group.Where(c => c.Op == "=").ToList();
            if (equals.Count > 0 && !equals.Any(c => Test(group.Key, value, "=", c.Value))) return false;
            if (group.Where(c => c.Op != "=").Any(c => !Test(group.Key, value, c.Op, c.Value))) return false;
        }
        return true;
    }

    private static bool Test(string field, string actual, string op, string wanted)
    {
        if (field is "updated" or "created" or "moment")
        {
            var a = MoySkladTime.Parse(actual);
            var w = MoySkladTime.Parse(wanted) ?? throw MoySkladError.BadFilter($"Неверный формат даты '{wanted}' в фильтре по полю '{field}'");
            if (a is null) return op == "!=";
            var cmp = a.Value.CompareTo(w);
            return op switch { "=" => cmp == 0, "!=" => cmp != 0, ">" => cmp > 0, "<" => cmp < 0, ">=" => cmp >= 0, "<=" => cmp <= 0, _ => false };
        }
        var comparison = StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            "=" => string.Equals(actual, wanted, comparison),
            "!=" => !string.Equals(actual, wanted, comparison),
            "~" => actual.Contains(wanted, comparison),
            "~=" => actual.StartsWith(wanted, comparison),
            "=~" => actual.EndsWith(wanted, comparison),
            _ => throw MoySkladError.BadFilter($"Оператор '{op}' не поддерживается для поля '{field}'"),
        };
    }

    private static IEnumerable<string> Split(string filter)
    {
        var current = new StringBuilder();
        for (var i = 0; i < filter.Length; i++)
        {
            if (filter[i] == '\\' && i + 1 < filter.Length && filter[i + 1] == ';') { current.Append(';'); i++; continue; }
            if (filter[i] == ';') { if (current.Length > 0) yield return current.ToString(); current.Clear(); continue; }
            current.Append(filter[i]);
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
