using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>An integration's flows with every flow after the flows it reads (<see cref="FlowDefinition.DependsOn"/>).</summary>
public static class FlowOrder
{
    /// <exception cref="InvalidOperationException">A flow depends on an unknown flow, or the inputs form a cycle.</exception>
    public static IReadOnlyList<FlowDefinition> Sort(IntegrationDefinition integration)
    {
        var byKey = integration.Flows.ToDictionary(f => f.Key);
        var sorted = new List<FlowDefinition>();
        var state = new Dictionary<string, bool>(); // false: being visited, true: placed
        foreach (var flow in integration.Flows) Visit(flow);
        return sorted;

        void Visit(FlowDefinition flow)
        {
            if (state.TryGetValue(flow.Key, out var placed))
            {
                if (!placed) throw new InvalidOperationException($"The {integration.Name} flows' inputs form a cycle through \"{flow.Key}\".");
                return;
            }
            state[flow.Key] = false;
            foreach (var input in flow.DependsOn)
                Visit(byKey.GetValueOrDefault(input)
                      ?? throw new InvalidOperationException($"Flow \"{flow.Key}\" of {integration.Name} depends on \"{input}\", which is not one of its flows."));
            state[flow.Key] = true;
            sorted.Add(flow);
        }
    }
}
