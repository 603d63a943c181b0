using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// A record that points at other records in Optiply (a supplier product's product and supplier) needs their
/// Optiply ids, which the flow adds from what the other flows synced. When one is not there yet the record is
/// failed with the reason and tried again on the next run, by when the other flow will usually have run. When the
/// other flow's rules skipped that record (a supplier without a name), waiting does not help: the record is skipped
/// with that cause and comes back when it changes in Exact or on a full resync.
/// </summary>
/// <param name="references">The field holding the Optiply id, and how to name the missing record from the data.</param>
public sealed class RequireLinked(params (string Field, Func<JsonObject, string> Describe)[] references) : IRecordRule
{
    /// <summary>Per Optiply id field, why the record it would point at was skipped by its own flow (added by the stream).</summary>
    public const string SkipsField = "LinkedRecordSkipped";

    public RuleDecision Apply(JsonObject data)
    {
        var unlinked = references.Where(r => string.IsNullOrEmpty(ExactJson.Text(data[r.Field]))).ToList();
        if (unlinked.Count == 0)
            return RuleDecision.Continue(data);
        var skipped = unlinked.Select(r => (r.Describe, Reason: ExactJson.Text(data[SkipsField]?[r.Field]))).Where(r => r.Reason is not null).ToList();
        if (skipped.Count > 0)
            return new RuleDecision.Skip(
                string.Join(" ", skipped.Select(s => $"{s.Describe(data)} is skipped by its own flow: {FirstSentence(s.Reason!)}")) +
                " This record cannot be sent without it and is not tried again until it changes in Exact Online; after fixing the other record, a full resync sends it.");
        var missing = unlinked.Select(r => r.Describe(data)).ToList();
        return new RuleDecision.Retry($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not in Optiply yet (not synced by its own flow so far). This record is tried again on the next run.");
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>"Exact item ART-00005" from a code field, or the id when the code is empty.</summary>
    public static Func<JsonObject, string> Named(string what, string codeField, string idField) => data =>
    {
        var code = ExactJson.Text(data[codeField])?.Trim();
        return $"{what} {(string.IsNullOrEmpty(code) ? ExactJson.Text(data[idField]) : code)}";
    };
}
