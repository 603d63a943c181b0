using System.Text.Json.Serialization;

namespace Koppel.Domain.Mapping;

/// <summary>
/// A test inside an <see cref="IfRule"/>. A missing source field counts as empty here, so
/// "If deliveryTime is empty THEN ..." works on records that lack the field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EqualsCondition), "equals")]
[JsonDerivedType(typeof(NotEqualsCondition), "notEquals")]
[JsonDerivedType(typeof(GreaterThanCondition), "greaterThan")]
[JsonDerivedType(typeof(LessThanCondition), "lessThan")]
[JsonDerivedType(typeof(GreaterOrEqualCondition), "greaterOrEqual")]
[JsonDerivedType(typeof(LessOrEqualCondition), "lessOrEqual")]
[JsonDerivedType(typeof(ContainsCondition), "contains")]
[JsonDerivedType(typeof(IsEmptyCondition), "isEmpty")]
[JsonDerivedType(typeof(IsNotEmptyCondition), "isNotEmpty")]
[JsonDerivedType(typeof(InCondition), "in")]
[JsonDerivedType(typeof(AndCondition), "and")]
[JsonDerivedType(typeof(OrCondition), "or")]
[JsonDerivedType(typeof(NotCondition), "not")]
public abstract record Condition;
