using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>Optiply answered a write or read with a client error; <see cref="Detail"/> is Optiply's own sentence.</summary>
public sealed class OptiplyRefused(int status, string detail, string message, string? response)
    : SyncProblem(message, response: response)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;

    /// <summary>
    /// Optiply's error text. Its writers parse three shapes: <c>{"errors":[{"detail"|"meta":{"message"}}]}</c>,
    /// <c>{"message"}</c> and <c>{"error"}</c>; OAuth errors add <c>error_description</c>.
    /// </summary>
    public static string DetailOf(string body)
    {
        try
        {
            var json = JsonNode.Parse(body);
            var first = (json?["errors"] as JsonArray)?.FirstOrDefault();
            foreach (var candidate in new[] { first?["detail"], first?["meta"]?["message"], first?["title"], json?["message"], json?["error_description"], json?["error"] })
                if (candidate?.GetValueKind() == JsonValueKind.String && candidate.GetValue<string>() is { Length: > 0 } text)
                    return text;
        }
        catch (JsonException) { }
        var plain = body.Trim();
        return plain.Length == 0 ? "no reason given" : plain.Length > 300 ? plain[..300] + "..." : plain;
    }
}
