using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>The target payload and what went wrong while building it; a field with a problem holds null.</summary>
public sealed record MappingResult(JsonObject Payload, IReadOnlyList<FieldProblem> Problems)
{
    public bool HasProblems => Problems.Count > 0;
}
