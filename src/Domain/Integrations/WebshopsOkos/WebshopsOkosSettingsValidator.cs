using FluentValidation;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>What can be checked without the ERP; warehouses and sequences the ERP lacks are checked live by the integration.</summary>
public sealed class WebshopsOkosSettingsValidator : AbstractValidator<WebshopsOkosSettings>
{
    public WebshopsOkosSettingsValidator()
    {
        RuleFor(s => s.Webshops).NotNull();
        RuleForEach(s => s.Webshops).ChildRules(entry =>
        {
            entry.RuleFor(e => e.Key).Matches("^[a-z0-9][a-z0-9-]*$").WithMessage("A webshop key is lower-case letters, digits and dashes.");
            entry.RuleFor(e => e.Value.NumberingSequence).NotEmpty().WithMessage("Choose the numbering sequence this webshop's orders are filed under.")
                .OverridePropertyName("numberingSequence");
            entry.RuleFor(e => e.Value.WarehouseId).NotEmpty().WithMessage("Choose the warehouse this webshop's orders reserve stock from.")
                .OverridePropertyName("warehouseId");
            entry.RuleFor(e => e.Value.StockWarehouses).NotEmpty().When(e => e.Value.PushStock)
                .WithMessage("Choose at least one warehouse whose stock is sent to the webshop (or switch pushStock off).").OverridePropertyName("stockWarehouses");
            entry.RuleFor(e => e.Value.OrdersSince).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1))
                .WithMessage("ordersSince must be a real date (yyyy-MM-dd).").OverridePropertyName("ordersSince");
        });
        RuleFor(s => s.Orders).NotNull().ChildRules(o =>
            o.RuleFor(x => x.IntervalMinutes).InclusiveBetween(1, 1440).WithMessage("The order download interval is 1 to 1440 minutes."));
    }
}
