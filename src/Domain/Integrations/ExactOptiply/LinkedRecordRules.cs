using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// A record that points at other records in Optiply (a supplier product's product and supplier) needs their
/// Optiply ids, which the flow adds from what the other flows synced. When one is not there yet the record is
/// failed with the reason and tried again on the next run, by when the other flow will usually have run.
/// </summary>
/// <param name="references">The field holding the Optiply id, and how to name the missing record from the data.</param>
public sealed class RequireLinked(params (string Field, Func<JsonObject, string> Describe)[] references) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var missing = references.Where(r => string.IsNullOrEmpty(ExactJson.Text(data[r.Field]))).Select(r => r.Describe(data)).ToList();
        return missing.Count == 0
            ? RuleDecision.Continue(data)
            : new RuleDecision.Retry($"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not in Optiply yet (not synced by its own flow so far). This record is tried again on the next run.");
    }

    /// <summary>"Exact item ART-00005" from a code field, or the id when the code is empty.</summary>
    public static Func<JsonObject, string> Named(string what, string codeField, string idField) => data =>
    {
        var code = ExactJson.Text(data[codeField])?.Trim();
        return $"{what} {(string.IsNullOrEmpty(code) ? ExactJson.Text(data[idField]) : code)}";
    };
}
