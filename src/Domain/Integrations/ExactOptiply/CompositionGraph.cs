namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>One bill-of-material line as an edge: the composed item is made with the part item.</summary>
public sealed record CompositionEdge(string LineId, string Composed, string Part);

/// <summary>
/// Optiply refuses a product that is, directly or through other compositions, both made with and part of the same
/// product (A made with B and B made with A, or A-B-C-A). Edges are accepted in the order given; an edge that
/// would close such a crossing is rejected, so the first-synced composition keeps its place and the line that
/// came later is the one left out.
/// </summary>
public sealed class CompositionGraph
{
    private readonly Dictionary<string, HashSet<string>> _parts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds the edge; or, when it would close a crossing, leaves it out and returns the existing path
    /// from the part back to the composed item (part, ..., composed).</summary>
    public IReadOnlyList<string>? TryAdd(string composed, string part)
    {
        if (string.Equals(composed, part, StringComparison.OrdinalIgnoreCase)) return [part];
        if (PathBetween(part, composed) is { } path) return path;
        if (!_parts.TryGetValue(composed, out var parts)) _parts[composed] = parts = new(StringComparer.OrdinalIgnoreCase);
        parts.Add(part);
        return null;
    }

    /// <summary>The lines left out of <paramref name="edges"/> (taken in order), each with the path it would close.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Rejected(IEnumerable<CompositionEdge> edges)
    {
        var graph = new CompositionGraph();
        var rejected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var edge in edges)
            if (graph.TryAdd(edge.Composed, edge.Part) is { } path)
                rejected[edge.LineId] = path;
        return rejected;
    }

    // Breadth-first, so the reason names the shortest way round.
    private List<string>? PathBetween(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (string.Equals(current, to, StringComparison.OrdinalIgnoreCase))
            {
                var path = new List<string> { current };
                while (!string.Equals(path[^1], from, StringComparison.OrdinalIgnoreCase)) path.Add(previous[path[^1]]);
                path.Reverse();
                return path;
            }
            foreach (var next in _parts.GetValueOrDefault(current) ?? [])
                if (previous.TryAdd(next, current)) queue.Enqueue(next);
        }
        return null;
    }
}
