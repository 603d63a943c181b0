using System.Text.Json.Nodes;

namespace Koppel.Domain.Audit;

/// <summary>One field that changed, before it is stamped with who and when.</summary>
public sealed record AuditChange(AuditArea Area, string Subject, string? From, string? To);

/// <summary>Works out what changed between two states of a tenant, field by field; pure, so it is tested alone.</summary>
public static class AuditChanges
{
    /// <summary>What a stored secret is shown as: its value never reaches the audit log.</summary>
    public const string Hidden = "(secret)";

    /// <summary>Option values that differ, one entry per leaf ("settings.warehouses.mode"); lists compare as a whole.</summary>
    public static IEnumerable<AuditChange> Settings(JsonObject? before, JsonObject? after)
    {
        var old = Leaves(before, "settings");
        var now = Leaves(after, "settings");
        foreach (var path in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (from, to) = (old.GetValueOrDefault(path), now.GetValueOrDefault(path));
            if (from != to) yield return new(AuditArea.Option, path, from, to);
        }
    }

    /// <summary>
    /// Connection fields that differ, by system. Plain fields show their values; a secret shows only that it was set,
    /// changed (given again) or removed.
    /// </summary>
    /// <param name="given">The secret names the caller sent a value for, per system.</param>
    public static IEnumerable<AuditChange> Connections(
        IReadOnlyDictionary<string, ConnectionState> before, IReadOnlyDictionary<string, ConnectionState> after,
        IReadOnlyDictionary<string, IReadOnlySet<string>> given)
    {
        foreach (var system in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(system) ?? ConnectionState.None;
            var now = after.GetValueOrDefault(system) ?? ConnectionState.None;
            foreach (var field in old.Fields.Keys.Union(now.Fields.Keys).Order(StringComparer.Ordinal))
            {
                var (from, to) = (old.Fields.GetValueOrDefault(field), now.Fields.GetValueOrDefault(field));
                if (from != to) yield return new(AuditArea.Connection, $"connections.{system}.{field}", from, to);
            }
            var sent = given.GetValueOrDefault(system) ?? new HashSet<string>();
            foreach (var secret in old.Secrets.Union(now.Secrets).Order(StringComparer.Ordinal))
            {
                var (had, has) = (old.Secrets.Contains(secret), now.Secrets.Contains(secret));
                if (had == has && !(has && sent.Contains(secret))) continue;
                yield return new(AuditArea.Connection, $"connections.{system}.{secret}",
                    had ? Hidden : null, has ? (had ? Hidden + " changed" : Hidden + " set") : "(removed)");
            }
        }
    }

    private static Dictionary<string, string> Leaves(JsonNode? node, string path)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
            foreach (var (name, child) in obj)
                foreach (var (leafPath, value) in Leaves(child, $"{path}.{name}"))
                    leaves[leafPath] = value;
        else if (node is not null)
            leaves[path] = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node.ToJsonString();
        return leaves;
    }
}

/// <summary>A connection as the audit compares it: its plain fields, and the names of the secrets it holds.</summary>
public sealed record ConnectionState(IReadOnlyDictionary<string, string?> Fields, IReadOnlySet<string> Secrets)
{
    public static readonly ConnectionState None = new(new Dictionary<string, string?>(), new HashSet<string>());
}
