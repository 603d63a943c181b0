namespace Koppel.Domain.Mapping;

/// <summary>The source value at a dotted path, with optional array indexes: "Item.Code", "Lines[0].Quantity".</summary>
public sealed record CopyRule(string Path) : Rule;
