using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Tenants;

namespace Koppel.Portal.Components.Shared;

/// <summary>
/// A stored flow key as pages name it: the flow's name, and for a run of one scope of a flow that runs per scope (a
/// webshop's <c>orders@sr-demo</c>) the scope after it ("Orders · sr-demo"), so the log, the runs and the messages say
/// which webshop a line is about.
/// </summary>
public static class FlowWords
{
    public static string Name(IEnumerable<FlowView>? flows, string key) => Parts(flows, key).Name;

    public static string Name(IReadOnlyDictionary<string, string> names, string key)
    {
        var (flow, scope) = FlowScope.Split(key);
        return names.TryGetValue(flow, out var name) ? WithScope(name, scope) : key;
    }

    /// <summary>The flow's name (with its scope) and the systems it runs between, for sentences about it.</summary>
    public static (string Name, string Source, string Target) Parts(IEnumerable<FlowView>? flows, string key)
    {
        var (flowKey, scope) = FlowScope.Split(key);
        return flows?.FirstOrDefault(f => f.Key == flowKey) is { } flow
            ? (WithScope(flow.Name, scope), flow.Source, flow.Target)
            : (key, "the source", "the target");
    }

    private static string WithScope(string name, string? scope) => scope is null ? name : $"{name} · {scope}";
}
