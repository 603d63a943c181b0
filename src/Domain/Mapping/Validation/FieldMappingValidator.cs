using FluentValidation;

namespace Koppel.Domain.Mapping;

/// <summary>
/// Rejects mappings the engine could only half apply. Property names follow the JSON ("fields[2].rule.then.path").
/// With <c>allowedTargets</c> a flow also rejects fields its target system does not have.
/// </summary>
public sealed class FieldMappingValidator : AbstractValidator<FieldMapping>
{
    public const int MaxDepth = 20;

    public FieldMappingValidator(IEnumerable<string>? allowedTargets = null)
    {
        var allowed = allowedTargets?.ToHashSet(StringComparer.Ordinal);
        RuleFor(mapping => mapping.Fields)
            .NotNull()
            .OverridePropertyName("fields")
            .WithMessage("A mapping needs a list of fields");
        RuleFor(mapping => mapping)
            .Custom((mapping, context) =>
            {
                foreach (var (property, message) in MappingChecks.Check(mapping, allowed, MaxDepth))
                    context.AddFailure(property, message);
            });
    }
}
