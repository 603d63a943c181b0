namespace Koppel.Domain.Mapping;

/// <summary>Why one target field could not be filled, in words a customer can read.</summary>
public sealed record FieldProblem(string Field, string Message);
