using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>A $filter the emulator cannot understand; answered with Exact's 400 error body.</summary>
public sealed class ODataQueryException(string message) : Exception(message);

/// <summary>
/// The OData v2 $filter subset Exact clients send: eq ne gt ge lt le, and/or/not, parentheses, guid'..',
/// datetime'..', 123L, quoted strings, true/false/null, trim/tolower/toupper and substringof.
/// </summary>
public static class ODataFilter
{
    public static Func<JsonObject, bool> Parse(string? filter, IReadOnlySet<string> fields)
    {
        if (string.IsNullOrWhiteSpace(filter)) return _ => true;
        var parser = new Parser(Tokenize(filter), fields);
        var result = parser.Or();
        if (!parser.AtEnd) throw new ODataQueryException($"Syntax error in $filter near '{parser.Rest}'.");
        return result;
    }

    private enum Kind { Name, String, Guid, DateTime, Number, Open, Close, Comma }
    private sealed record Token(Kind Kind, string Text);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(Kind.Open, "(")); i++; continue; }
            if (c == ')') { tokens.Add(new Token(Kind.Close, ")")); i++; continue; }
            if (c == ',') { tokens.Add(new Token(Kind.Comma, ",")); i++; continue; }
            if (c == '\'') { tokens.Add(new Token(Kind.String, Quoted(text, ref i))); continue; }
            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                var number = text[start..i];
                if (i < text.Length && "LlMmDdFf".Contains(text[i])) i++;
                tokens.Add(new Token(Kind.Number, number));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '/')) i++;
                var word = text[start..i];
                if (i < text.Length && text[i] == '\'' && word is "guid" or "datetime")
                {
                    var value = Quoted(text, ref i);
                    tokens.Add(new Token(word == "guid" ? Kind.Guid : Kind.DateTime, value));
                    continue;
                }
                tokens.Add(new Token(Kind.Name, word));
                continue;
            }
            throw new ODataQueryException($"Unexpected character '{c}' in $filter.");
        }
        return tokens;
    }

    private static string Quoted(string text, ref int i)
    {
        var builder = new System.Text.StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'') { builder.Append('\''); i += 2; continue; }
                i++;
                return builder.ToString();
            }
            builder.Append(text[i++]);
        }
        throw new ODataQueryException("Unterminated string literal in $filter.");
    }

    private sealed class Parser(List<Token> tokens, IReadOnlySet<string> fields)
    {
        private int _at;
        public bool AtEnd => _at >= tokens.Count;
        public string Rest => string.Join(' ', tokens.Skip(_at).Select(t => t.Text));

        private bool TakeWord(string word)
        {
            if (AtEnd || tokens[_at].Kind != Kind.Name || !tokens[_at].Text.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
            _at++;
            return true;
        }

        private Token Take(Kind kind)
        {
            if (AtEnd || tokens[_at].Kind != kind) throw new ODataQueryException($"Syntax error in $filter near '{Rest}'.");
            return tokens[_at++];
        }

        public Func<JsonObject, bool> Or()
        {
            var left = And();
            while (TakeWord("or")) { var l = left; var r = And(); left = row => l(row) || r(row); }
            return left;
        }

        private Func<JsonObject, bool> And()
        {
            var left = Unary();
            while (TakeWord("and")) { var l = left; var r = Unary(); left = row => l(row) && r(row); }
            return left;
        }

        private Func<JsonObject, bool> Unary()
        {
            if (TakeWord("not")) { var inner = Unary(); return row => !inner(row); }
            if (!AtEnd && tokens[_at].Kind == Kind.Open)
            {
                _at++;
                var inner = Or();
                Take(Kind.Close);
                return inner;
            }
            if (TakeWord("substringof"))
            {
                Take(Kind.Open);
                var needle = Operand();
                Take(Kind.Comma);
                var haystack = Operand();
                Take(Kind.Close);
                return row => haystack(row) is string h && needle(row) is string n && h.Contains(n, StringComparison.OrdinalIgnoreCase);
            }
            var left = Operand();
            var op = Take(Kind.Name).Text.ToLowerInvariant();
            var right = Operand();
            return op switch
            {
                "eq" => row => Compare(left(row), right(row)) == 0,
                "ne" => row => Compare(left(row), right(row)) != 0,
                "gt" => row => Compare(left(row), right(row)) is not Unordered and > 0,
                "ge" => row => Compare(left(row), right(row)) is not Unordered and >= 0,
                "lt" => row => Compare(left(row), right(row)) is not Unordered and < 0,
                "le" => row => Compare(left(row), right(row)) is not Unordered and <= 0,
                _ => throw new ODataQueryException($"Unknown operator '{op}' in $filter."),
            };
        }

        private Func<JsonObject, object?> Operand()
        {
            var token = tokens.Count > _at ? tokens[_at++] : throw new ODataQueryException("The $filter ends too early.");
            switch (token.Kind)
            {
                case Kind.String: { var s = token.Text; return _ => s; }
                case Kind.Guid: { var g = token.Text.ToLowerInvariant(); return _ => g; }
                case Kind.Number: { var d = double.Parse(token.Text, CultureInfo.InvariantCulture); return _ => d; }
                case Kind.DateTime:
                {
                    if (!DateTime.TryParse(token.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                        throw new ODataQueryException($"'{token.Text}' is not a valid datetime literal.");
                    var stamp = new DateStamp(new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds());
                    return _ => stamp;
                }
                case Kind.Name:
                    switch (token.Text.ToLowerInvariant())
                    {
                        case "true": return _ => true;
                        case "false": return _ => false;
                        case "null": return _ => null;
                        case "trim" or "tolower" or "toupper":
                        {
                            var name = token.Text.ToLowerInvariant();
                            Take(Kind.Open);
                            var inner = Operand();
                            Take(Kind.Close);
                            return row => inner(row) is string s
                                ? name switch { "trim" => s.Trim(), "tolower" => s.ToLowerInvariant(), _ => s.ToUpperInvariant() }
                                : null;
                        }
                    }
                    var field = fields.FirstOrDefault(f => f.Equals(token.Text, StringComparison.OrdinalIgnoreCase))
                        ?? throw new ODataQueryException($"No property '{token.Text}' exists on this entity.");
                    return row => Value(row[field]);
                default:
                    throw new ODataQueryException($"Syntax error in $filter near '{token.Text}'.");
            }
        }
    }

    /// <summary>A /Date(ms)/ value, compared by its milliseconds.</summary>
    private sealed record DateStamp(long Milliseconds);

    private const int Unordered = int.MinValue;

    private static object? Value(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.GetValueKind() == JsonValueKind.Number) return double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return value.GetValue<bool>();
        var text = value.ToString();
        if (Guid.TryParse(text, out _)) return text.ToLowerInvariant();
        return ExactDate.TryParseMilliseconds(text, out var ms) ? new DateStamp(ms) : text;
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) or (_, null) => Unordered,
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateStamp x, DateStamp y) => x.Milliseconds.CompareTo(y.Milliseconds),
        (string x, string y) => string.Compare(x, y, StringComparison.Ordinal),
        _ => Unordered,
    };
}
