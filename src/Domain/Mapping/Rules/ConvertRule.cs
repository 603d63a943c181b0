namespace Koppel.Domain.Mapping;

/// <summary>
/// The input as another JSON type: "text", "number" or "boolean" (e.g. Exact's numeric ID as Optiply's
/// text remoteId). Empty text becomes null; anything that does not convert is a problem.
/// </summary>
public sealed record ConvertRule(Rule Input, string To) : Rule
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Boolean = "boolean";

    public static IReadOnlyList<string> Types { get; } = [Text, Number, Boolean];
}
