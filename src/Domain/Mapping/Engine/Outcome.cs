using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Why a rule produced no value. A missing source field is marked so conditions and coalesce can treat it as empty.</summary>
internal sealed record Failure(string Message, bool MissingSource = false);

/// <summary>A rule's value, or why there is none. Problems are values rather than exceptions: one bad field must not stop a record.</summary>
internal readonly record struct Outcome(JsonNode? Value, Failure? Failure)
{
    public static Outcome Of(JsonNode? value) => new(value, null);

    public static implicit operator Outcome(Failure failure) => new(null, failure);
}

/// <summary>A condition's answer, or why there is none.</summary>
internal readonly record struct Truth(bool Value, Failure? Failure)
{
    public static readonly Truth True = new(true, null);
    public static readonly Truth False = new(false, null);

    public static Truth Of(bool value) => value ? True : False;

    public static implicit operator Truth(Failure failure) => new(false, failure);
}
