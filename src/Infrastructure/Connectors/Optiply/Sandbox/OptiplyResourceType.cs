namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>A relationship link Optiply puts on a resource: to one (via an id attribute here) or to many (via one on the other side).</summary>
internal sealed record OptiplyRelationship(string Name, string TargetType, string Attribute, bool ToMany);

/// <summary>
/// One resource of Optiply's public API: its writable attributes with their constraints, the pairs that
/// must be unique, its relationship links and what its deletion takes with it.
/// </summary>
internal sealed record OptiplyResourceType(string Name, IReadOnlyList<OptiplyAttribute> Attributes)
{
    /// <summary>Attributes every resource has but no client may write.</summary>
    public static readonly IReadOnlyList<string> ReadOnly =
        ["id", "accountId", "createdAt", "updatedAt", "uuid", "createdFromPublicApi", "remoteIdMap", "remoteId"];

    public IReadOnlyList<(string First, string Second)> UniquePairs { get; init; } = [];
    public IReadOnlyList<OptiplyRelationship> Relationships { get; init; } = [];
    /// <summary>Types whose records point at this one with the given attribute and are deleted with it.</summary>
    public IReadOnlyList<(string Type, string Attribute)> Cascade { get; init; } = [];

    public OptiplyAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public bool Knows(string name) => ReadOnly.Contains(name) || Attribute(name) is not null || ReadOnlyExtras.Contains(name);

    /// <summary>Read-only attributes of this type beyond the common ones (e.g. products' "novel").</summary>
    public IReadOnlyList<string> ReadOnlyExtras { get; init; } = [];
}
