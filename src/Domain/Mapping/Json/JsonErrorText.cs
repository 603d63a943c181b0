using System.Text.Json;
using System.Text.RegularExpressions;

namespace Koppel.Domain.Mapping;

/// <summary>
/// Rewrites System.Text.Json's errors, which name .NET types and constructor parameters, in the terms of
/// the mapping JSON a person edits. Unrecognised errors keep the serializer's wording.
/// </summary>
internal static partial class JsonErrorText
{
    public static (string Path, string Reason) Explain(Exception error)
    {
        var message = error.Message;
        var path = error is JsonException { Path.Length: > 0 } json ? json.Path : PathIn(message);
        return (path, Reason(message));
    }

    private static string PathIn(string message)
    {
        var match = PathInMessage().Match(message);
        return match.Success ? match.Groups["path"].Value : "$";
    }

    private static string Reason(string message)
    {
        if (message.Contains("must specify a type discriminator", StringComparison.Ordinal))
            return "a rule or condition must say its \"kind\"";
        if (UnknownKind().Match(message) is { Success: true } kind)
            return $"\"{kind.Groups["name"].Value}\" is not a known kind of rule or condition";
        if (MissingProperty().Match(message) is { Success: true } missing)
            return $"\"{missing.Groups["name"].Value}\" is required here";
        if (UnknownProperty().Match(message) is { Success: true } unknown)
            return $"\"{unknown.Groups["name"].Value}\" is not a known property here";
        if (NullParameter().Match(message) is { Success: true } nulled)
            return $"\"{JsonNamingPolicy.CamelCase.ConvertName(nulled.Groups["name"].Value)}\" must not be null";
        // The serializer appends "Path: ... | LineNumber: ..."; the path is already given in front.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    [GeneratedRegex(@"Path: (?<path>\$\S*) \|")]
    private static partial Regex PathInMessage();

    [GeneratedRegex(@"unrecognized type discriminator id '(?<name>[^']*)'")]
    private static partial Regex UnknownKind();

    [GeneratedRegex(@"missing required properties including: '(?<name>[^']*)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"constructor parameter '(?<name>[^']*)' .* doesn't allow null values")]
    private static partial Regex NullParameter();
}
