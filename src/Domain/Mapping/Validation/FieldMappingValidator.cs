using FluentValidation;

namespace Koppel.Domain.Mapping;

/// <summary>
/// Rejects mappings the engine could only half apply. Property names follow the JSON ("fields[2].rule.then.path").
/// With <c>allowedTargets</c> a flow also rejects fields its target system does not have; with target types, rules
/// whose result the field's type (or range) cannot take.
/// </summary>
public sealed class FieldMappingValidator : AbstractValidator<FieldMapping>
{
    public const int MaxDepth = 20;

    public FieldMappingValidator(IEnumerable<string>? allowedTargets = null)
        : this(allowedTargets?.ToHashSet(StringComparer.Ordinal), new Dictionary<string, TargetType>())
    {
    }

    public FieldMappingValidator(IReadOnlyList<TargetType> targets)
        : this(targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal), targets.ToDictionary(t => t.Name, StringComparer.Ordinal))
    {
    }

    private FieldMappingValidator(HashSet<string>? allowed, IReadOnlyDictionary<string, TargetType> types)
    {
        RuleFor(mapping => mapping.Fields)
            .NotNull()
            .OverridePropertyName("fields")
            .WithMessage("A mapping needs a list of fields");
        RuleFor(mapping => mapping)
            .Custom((mapping, context) =>
            {
                foreach (var (property, message) in MappingChecks.Check(mapping, allowed, types, MaxDepth))
                    context.AddFailure(property, message);
            });
    }
}
