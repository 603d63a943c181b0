using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Koppel.Portal.Api.Binding;

/// <summary>
/// Turns one binding failure into a problem naming the field and what it expects. The framework says which
/// parameter failed only in its message (e.g. <c>Failed to bind parameter "int? pageSize" from "abc".</c>); the
/// type it expects is read from the handler's own signature.
/// </summary>
internal static partial class BindingProblem
{
    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[^" ]+)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex Parameter();

    public static ProblemDetails Describe(BadHttpRequestException bad, Endpoint? endpoint)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new ProblemDetails
            {
                Status = bad.StatusCode, Title = "Unsupported media type",
                Detail = "Send the body as JSON with the header Content-Type: application/json.",
            };
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
            return new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." };

        var match = Parameter().Match(bad.Message);
        var parameter = match.Success ? ParameterOf(endpoint, match.Groups["name"].Value) : null;
        var (field, reason) = bad.InnerException switch
        {
            JsonException json => FromJson(json, parameter?.ParameterType),
            _ when match.Groups["value"].Success && parameter is not null => (parameter.Name!,
                $"\"{match.Groups["value"].Value}\" is not {ExpectedJson.Describe(parameter.ParameterType)}."),
            _ when IsBody(parameter) || !match.Success => ("body", "A JSON body is required."),
            _ => (match.Groups["name"].Value, "This value is required."),
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = bad.StatusCode, Title = "Some fields are not valid.",
        };
    }

    /// <summary>A type mismatch names the property's path; broken JSON (the reader's own error) names the body.</summary>
    private static (string Field, string Reason) FromJson(JsonException json, Type? bodyType)
    {
        if (json.InnerException is JsonException || json.Path is null or "$")
            return ("body", $"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).");
        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        // Converters of the hub write their own reason; the serializer's own says only the .NET type it wanted.
        if (!json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return (field, json.Message);
        var expected = bodyType is null ? null : ExpectedJson.AtPath(bodyType, field);
        return (field, expected is null ? "This value has the wrong type." : $"Expected {ExpectedJson.Describe(expected)}.");
    }

    private static ParameterInfo? ParameterOf(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name);

    private static bool IsBody(ParameterInfo? parameter) =>
        parameter is not null && ExpectedJson.IsObject(parameter.ParameterType);
}
