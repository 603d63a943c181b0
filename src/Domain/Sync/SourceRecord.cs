using System.Text.Json.Nodes;

namespace Koppel.Domain.Sync;

/// <summary>
/// One record as read from a source system. <see cref="Problem"/> is set when the record could not be
/// read properly (malformed JSON, a field of the wrong type): the runner logs it as failed and moves on.
/// </summary>
public sealed record SourceRecord(string Id, JsonObject Data)
{
    /// <summary>The source reports this record as deleted.</summary>
    public bool Deleted { get; init; }
    public string? Problem { get; init; }

    public static SourceRecord Deletion(string id) => new(id, new JsonObject()) { Deleted = true };
    public static SourceRecord Malformed(string id, string problem, JsonObject? partial = null) =>
        new(id, partial ?? new JsonObject()) { Problem = problem };
}
