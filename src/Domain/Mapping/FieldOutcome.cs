using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>The value one rule gave for one record, or the problem that prevented it (then the value is null).</summary>
public sealed record FieldOutcome(JsonNode? Value, FieldProblem? Problem);
