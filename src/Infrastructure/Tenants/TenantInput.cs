using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Koppel.Infrastructure.Tenants;

/// <summary>The admin API's tenant body: connections per system (fields and secrets alike) and the settings.</summary>
public sealed record TenantInput(
    string? Name,
    string? Integration,
    [property: JsonConverter(typeof(ConnectionsInput))] Dictionary<string, Dictionary<string, string?>>? Connections,
    JsonObject? Settings);

/// <summary>A problem with one field of an input, named the way the caller wrote it (e.g. "connections.optiply.clientId").</summary>
public sealed record InputError(string Field, string Message);

/// <summary>Thrown when an input is rejected; carries every problem, not just the first.</summary>
public sealed class InputRejected(IReadOnlyList<InputError> errors)
    : Exception("The input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
