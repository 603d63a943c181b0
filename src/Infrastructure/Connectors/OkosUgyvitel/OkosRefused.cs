using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

/// <summary>Okos-Ügyvitel refused a call with a problem detail; <see cref="Errors"/> names the fields.</summary>
public sealed class OkosRefused(int status, string detail, IReadOnlyDictionary<string, string[]> errors, string message, string body)
    : SyncProblem(message, response: body)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static (string Detail, Dictionary<string, string[]> Errors) Read(string body)
    {
        var errors = new Dictionary<string, string[]>();
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                if (json["errors"] is JsonObject fields)
                    foreach (var (field, messages) in fields)
                        errors[field] = (messages as JsonArray)?.Select(m => m?.ToString() ?? "").ToArray() ?? [];
                var detail = json["detail"]?.ToString() ?? json["title"]?.ToString();
                if (detail is { Length: > 0 }) return (detail, errors);
            }
        }
        catch (JsonException) { }
        var plain = body.Trim();
        return (plain.Length == 0 ? "no reason given" : plain.Length > 300 ? plain[..300] + "..." : plain, errors);
    }
}
