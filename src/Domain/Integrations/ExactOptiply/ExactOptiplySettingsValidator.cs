using FluentValidation;

namespace Koppel.Domain.Integrations.ExactOptiply;

public sealed class ExactOptiplySettingsValidator : AbstractValidator<ExactOptiplySettings>
{
    public ExactOptiplySettingsValidator()
    {
        RuleFor(s => s.Warehouses).NotNull().ChildRules(w =>
        {
            w.RuleFor(x => x.Subset).NotEmpty().When(x => x.Mode == WarehouseMode.Subset)
                .WithMessage("Choose at least one warehouse for the subset.");
            w.RuleFor(x => x.Subset).Must(s => s.Distinct().Count() == s.Count)
                .WithMessage("A warehouse is listed twice.");
            w.RuleFor(x => x.MainWarehouseId).NotEqual(Guid.Empty)
                .WithMessage("The main warehouse id is empty; leave it out to use the warehouse Exact marks as main.");
        });
        RuleFor(s => s.Products).NotNull();
        RuleFor(s => s.Compositions).NotNull();
        RuleFor(s => s.Suppliers).NotNull();
        RuleFor(s => s.SupplierProducts).NotNull();
        RuleFor(s => s.SellOrders).NotNull();
        RuleFor(s => s.BuyOrders).NotNull().ChildRules(b =>
            b.RuleFor(x => x.DeletionsSince).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1))
                .WithMessage("The start date for buy-order deletions must be a real date (yyyy-MM-dd)."));
    }
}
