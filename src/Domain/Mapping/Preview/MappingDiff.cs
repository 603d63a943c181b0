namespace Koppel.Domain.Mapping;

public enum FieldChangeKind { Added, Removed, Enabled, Disabled, RuleChanged }

/// <summary>How one target field differs between two versions of a mapping; the rules in plain words.</summary>
public sealed record FieldChange(string Target, FieldChangeKind Kind, string? Before, string? After);

/// <summary>What changed between two versions of a mapping, field by field, in the newer version's order.</summary>
public static class MappingDiff
{
    public static IReadOnlyList<FieldChange> Compare(FieldMapping older, FieldMapping newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<FieldChange>();
        foreach (var field in newer.Fields)
        {
            var old = older.Find(field.Target);
            if (old is null)
                changes.Add(new FieldChange(field.Target, FieldChangeKind.Added, null, RuleText.Describe(field.Rule)));
            else
            {
                if (!Equals(old.Rule, field.Rule))
                    changes.Add(new FieldChange(field.Target, FieldChangeKind.RuleChanged, RuleText.Describe(old.Rule), RuleText.Describe(field.Rule)));
                if (old.Enabled != field.Enabled)
                    changes.Add(new FieldChange(field.Target, field.Enabled ? FieldChangeKind.Enabled : FieldChangeKind.Disabled,
                        old.Enabled ? "sent" : "not sent", field.Enabled ? "sent" : "not sent"));
            }
        }
        foreach (var field in older.Fields)
            if (newer.Find(field.Target) is null)
                changes.Add(new FieldChange(field.Target, FieldChangeKind.Removed, RuleText.Describe(field.Rule), null));
        return changes;
    }
}
