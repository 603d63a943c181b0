namespace Koppel.Domain.Mapping;

/// <summary>
/// Left <see cref="Operator"/> right in decimal arithmetic, e.g. quantity / lot size. The operator is
/// text ("+", "-", "*", "/") so that a mistyped one reaches the validator with a message, not the parser.
/// </summary>
public sealed record ArithmeticRule(string Operator, Rule Left, Rule Right) : Rule
{
    public const string Add = "+";
    public const string Subtract = "-";
    public const string Multiply = "*";
    public const string Divide = "/";

    public static IReadOnlyList<string> Operators { get; } = [Add, Subtract, Multiply, Divide];
}
