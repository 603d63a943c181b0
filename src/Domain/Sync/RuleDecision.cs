using System.Text.Json.Nodes;

namespace Koppel.Domain.Sync;

/// <summary>What an integration rule decides about one source record before it is mapped.</summary>
public abstract record RuleDecision
{
    /// <summary>Go on with (possibly enriched) data; warnings end up in the record's log message.</summary>
    public sealed record Keep(JsonObject Data, IReadOnlyList<string> Warnings) : RuleDecision;

    /// <summary>Do not sync this record. Logged with the reason when <paramref name="Log"/> is true
    /// (a supplier without a name); silent when the record is simply out of scope (a drop-shipment order).
    /// <paramref name="Setting"/> names the tenant option or mapping field that decided it (see <see cref="DecidingSetting"/>),
    /// so the log can send the reader to what they can change; null when the source data decided.</summary>
    public sealed record Skip(string Reason, bool Log = true, string? Setting = null) : RuleDecision;

    /// <summary>Remove the record's counterpart from the target (e.g. a cancelled order).</summary>
    public sealed record Delete(string Reason) : RuleDecision;

    /// <summary>Cannot be written yet (e.g. its product is not in the target yet): logged as failed with the
    /// reason, so the next run tries it again. <paramref name="Setting"/> as for <see cref="Skip"/>.</summary>
    public sealed record Retry(string Reason, string? Setting = null) : RuleDecision;

    public static RuleDecision Continue(JsonObject data) => new Keep(data, []);
}

/// <summary>A filter or enricher of one flow, applied to every source record in order.</summary>
/// <remarks>
/// The data handed to a rule belongs to the one applying the rules, which keeps a copy if it needs the record as
/// read: a rule may add its fields to it in place and continue with the same object instead of copying the record.
/// </remarks>
public interface IRecordRule
{
    RuleDecision Apply(JsonObject data);
}
