namespace Koppel.Domain.Mapping;

/// <summary>A text transform of the input: "trim", "upper" or "lower" (invariant culture). Numbers and booleans are treated as their text.</summary>
public sealed record TextRule(Rule Input, string Transform) : Rule
{
    public const string Trim = "trim";
    public const string Upper = "upper";
    public const string Lower = "lower";

    public static IReadOnlyList<string> Transforms { get; } = [Trim, Upper, Lower];
}
