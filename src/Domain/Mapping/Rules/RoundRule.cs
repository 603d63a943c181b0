namespace Koppel.Domain.Mapping;

/// <summary>
/// A number rounded to <see cref="Decimals"/>. <see cref="Mode"/>: "nearest" (halves away from zero),
/// "up" (towards +infinity, e.g. whole lots to order) or "down" (towards -infinity).
/// </summary>
public sealed record RoundRule(Rule Input, int Decimals = 0, string Mode = RoundRule.Nearest) : Rule
{
    public const string Nearest = "nearest";
    public const string Up = "up";
    public const string Down = "down";
    public const int MaxDecimals = 28;

    public static IReadOnlyList<string> Modes { get; } = [Nearest, Up, Down];
}
