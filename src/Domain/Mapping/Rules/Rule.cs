using System.Text.Json.Serialization;

namespace Koppel.Domain.Mapping;

/// <summary>A node of a field's rule tree; evaluated against one source record it yields one JSON value.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CopyRule), "copy")]
[JsonDerivedType(typeof(ConstantRule), "constant")]
[JsonDerivedType(typeof(IfRule), "if")]
[JsonDerivedType(typeof(LookupRule), "lookup")]
[JsonDerivedType(typeof(ArithmeticRule), "arithmetic")]
[JsonDerivedType(typeof(CoalesceRule), "coalesce")]
[JsonDerivedType(typeof(FormatDateRule), "formatDate")]
[JsonDerivedType(typeof(FormatNumberRule), "formatNumber")]
[JsonDerivedType(typeof(RoundRule), "round")]
[JsonDerivedType(typeof(TextRule), "text")]
[JsonDerivedType(typeof(ConcatRule), "concat")]
[JsonDerivedType(typeof(ConvertRule), "convert")]
[JsonDerivedType(typeof(AddDaysRule), "addDays")]
[JsonDerivedType(typeof(NowRule), "now")]
public abstract record Rule;
