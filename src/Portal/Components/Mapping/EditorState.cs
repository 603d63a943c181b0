using Koppel.Domain.Mapping;

namespace Koppel.Portal.Components.Mapping;

/// <summary>A field the rule editor offers to copy from: from the flow's schema, a live sample, or both.</summary>
public sealed record SourceOption(string Path, string Type, string Hint);

/// <summary>
/// What every node of the rule editor needs to know, cascaded once instead of passed down each level:
/// the source fields to pick from and the validator's messages keyed by JSON path ("fields[2].rule.then.path").
/// </summary>
public sealed class EditorState
{
    private static readonly IReadOnlyDictionary<string, List<string>> NoErrors = new Dictionary<string, List<string>>();

    public IReadOnlyList<SourceOption> Sources { get; set; } = [];

    public IReadOnlyDictionary<string, List<string>> Errors { get; private set; } = NoErrors;

    public void SetErrors(IEnumerable<(string Path, string Message)> errors) =>
        Errors = errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToList(), StringComparer.Ordinal);

    public void ClearErrors() => Errors = NoErrors;

    /// <summary>The messages of one node and its own settings (".format", ".table[0].key"), not of the rules nested in it.</summary>
    public IEnumerable<string> ErrorsOf(string path, IEnumerable<string> ownMembers)
    {
        var own = ownMembers.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, messages) in Errors)
        {
            if (key == path)
                foreach (var m in messages) yield return m;
            else if (key.StartsWith(path + ".", StringComparison.Ordinal))
            {
                var member = key[(path.Length + 1)..];
                var bracket = member.IndexOf('[');
                var name = bracket < 0 ? member.Split('.')[0] : member[..bracket];
                if (own.Contains(name) && (bracket >= 0 || !member.Contains('.')))
                    foreach (var m in messages) yield return m;
            }
        }
    }

    public bool HasErrorsUnder(string prefix) =>
        Errors.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal) || k.StartsWith(prefix + "[", StringComparison.Ordinal));

    /// <summary>Offer the schema's fields first, then what only the samples have; samples give the examples.</summary>
    public static IReadOnlyList<SourceOption> Combine(IEnumerable<(string Name, string Type, string Description)> schema, IEnumerable<FoundPath> found)
    {
        var options = new Dictionary<string, SourceOption>(StringComparer.Ordinal);
        var examples = found.ToDictionary(f => f.Path, f => f, StringComparer.Ordinal);
        foreach (var (name, type, description) in schema)
        {
            var example = examples.TryGetValue(name, out var f) && f.Example.Length > 0 ? $" · e.g. {f.Example}" : "";
            options[name] = new SourceOption(name, type, description + example);
        }
        foreach (var f in found)
            if (!options.ContainsKey(f.Path) && f.Type != "object")
                options[f.Path] = new SourceOption(f.Path, f.Type, f.Example.Length > 0 ? $"e.g. {f.Example}" : "");
        return options.Values.ToList();
    }
}
