namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// Flows that run once per scope of a tenant (e.g. per webshop, when a tenant holds several shops on one ERP
/// company). A scoped run keeps its own state, cursor, run history and log under the flow key
/// <c>&lt;flow&gt;@&lt;scope&gt;</c>, and its record links under <c>&lt;entity&gt;@&lt;scope&gt;</c>, so two shops'
/// cursors and links never mix. The scope rides in the stored keys themselves: no table changes, and an unscoped
/// flow's keys are exactly what they always were.
/// </summary>
public static class FlowScope
{
    public const char Separator = '@';

    /// <summary>The stored key of a flow (or entity) in a scope; the plain key when there is no scope.</summary>
    public static string Key(string key, string? scope) => string.IsNullOrEmpty(scope) ? key : $"{key}{Separator}{scope}";

    /// <summary>Splits a stored flow key into the flow's own key and its scope (null when unscoped).</summary>
    public static (string Flow, string? Scope) Split(string key)
    {
        var at = key.IndexOf(Separator);
        return at < 0 ? (key, null) : (key[..at], key[(at + 1)..]);
    }
}
