namespace Koppel.Domain.Mapping;

/// <summary>A tenant's mapping of one flow: for each target field, whether it is mapped and by which rule.</summary>
public sealed record FieldMapping(IReadOnlyList<FieldRule> Fields)
{
    public static FieldMapping Empty { get; } = new([]);

    /// <summary>Every field enabled, in the order given; the order is the payload's property order.</summary>
    public static FieldMapping Of(params (string Target, Rule Rule)[] fields) =>
        new(fields.Select(f => new FieldRule(f.Target, true, f.Rule)).ToArray());

    public FieldRule? Find(string target) => Fields.FirstOrDefault(f => f.Target == target);

    public FieldMapping WithEnabled(string target, bool enabled) =>
        Replace(target, field => field with { Enabled = enabled });

    public FieldMapping WithRule(string target, Rule rule) =>
        Replace(target, field => field with { Rule = rule });

    /// <summary>Replaces the field with the same target, or appends it when the mapping has none yet.</summary>
    public FieldMapping WithField(FieldRule field)
    {
        var index = IndexOf(field.Target);
        var fields = Fields.ToList();
        if (index < 0)
            fields.Add(field);
        else
            fields[index] = field;
        return new FieldMapping(fields);
    }

    // Records compare lists by reference; a saved mapping and its reloaded copy must be equal.
    public bool Equals(FieldMapping? other) => other is not null && Structural.ListsEqual(Fields, other.Fields);

    public override int GetHashCode() => Structural.ListHash(Fields);

    private FieldMapping Replace(string target, Func<FieldRule, FieldRule> change)
    {
        var index = IndexOf(target);
        if (index < 0)
            throw new ArgumentException($"The mapping has no field \"{target}\".", nameof(target));
        var fields = Fields.ToArray();
        fields[index] = change(fields[index]);
        return new FieldMapping(fields);
    }

    private int IndexOf(string target)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Target == target)
                return i;
        return -1;
    }
}
