namespace Koppel.Domain.Mapping;

/// <summary>
/// How one target field is filled. <see cref="Target"/> may be a dotted path ("attributes.name"),
/// which writes into nested objects of the payload.
/// </summary>
public sealed record FieldRule(string Target, bool Enabled, Rule Rule);
