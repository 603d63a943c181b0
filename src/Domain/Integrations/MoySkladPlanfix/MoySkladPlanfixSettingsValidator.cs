using FluentValidation;

namespace Koppel.Domain.Integrations.MoySkladPlanfix;

public sealed class MoySkladPlanfixSettingsValidator : AbstractValidator<MoySkladPlanfixSettings>
{
    public MoySkladPlanfixSettingsValidator()
    {
        RuleFor(s => s.Planfix).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.OrderTemplateId).GreaterThanOrEqualTo(0).WithMessage("A Planfix template id is a positive number.");
            p.RuleFor(x => x.ProductDirectoryId).GreaterThanOrEqualTo(0).WithMessage("A Planfix directory id is a positive number.");
            p.RuleFor(x => x.ContactTemplateId).GreaterThanOrEqualTo(0).WithMessage("A Planfix template id is a positive number.");
            p.RuleFor(x => x.LineItemsDataTagId).GreaterThanOrEqualTo(0).WithMessage("A Planfix data tag id is a positive number.");
        });
        RuleFor(s => s.Products).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.PriceTypes).NotEmpty().WithMessage("Choose at least one MoySklad price type to send to Planfix.");
            p.RuleForEach(x => x.PriceTypes).NotEmpty().WithMessage("A price type name is empty.");
            p.RuleFor(x => x.PriceTypes).Must(t => t.Distinct().Count() == t.Count).WithMessage("A price type is listed twice.");
            p.RuleFor(x => x.ExtraFields).Must(NoBlankNames).WithMessage("An extra field has an empty MoySklad or Planfix name.");
            p.RuleFor(x => x.ExtraFields).Must(f => f.Values.All(v => !ProductFields.Fixed.Contains(v)))
                .WithMessage("An extra field may not write one of the fixed product fields (Name, Code, Article, Unit, Stock, Available, Reserve, External code).");
        });
        RuleFor(s => s.ReconcileHours).InclusiveBetween(1, 24).WithMessage("Reconcile every 1 to 24 hours.");
        RuleFor(s => s.Orders).NotNull();
        RuleFor(s => s.Shipments).NotNull();
        RuleFor(s => s.Returns).NotNull();
        RuleFor(s => s.Counterparties).NotNull().ChildRules(c =>
            c.RuleFor(x => x.ExtraFields).Must(NoBlankNames).WithMessage("An extra field has an empty MoySklad or Planfix name."));
    }

    private static bool NoBlankNames(Dictionary<string, string> fields) =>
        fields.All(f => !string.IsNullOrWhiteSpace(f.Key) && !string.IsNullOrWhiteSpace(f.Value));
}
