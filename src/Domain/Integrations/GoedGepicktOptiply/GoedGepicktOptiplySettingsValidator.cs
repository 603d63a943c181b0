using System.Globalization;
using FluentValidation;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

public sealed class GoedGepicktOptiplySettingsValidator : AbstractValidator<GoedGepicktOptiplySettings>
{
    public GoedGepicktOptiplySettingsValidator()
    {
        RuleFor(s => s.Products).NotNull().ChildRules(p =>
            p.RuleFor(x => x.NightlyAt).Must(t => TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage("The nightly time must be a time of day as HH:mm (e.g. 03:00)."));
        RuleFor(s => s.Suppliers).NotNull().ChildRules(s =>
            s.RuleFor(x => x.BackorderThreshold).GreaterThanOrEqualTo(0).WithMessage("The backorder threshold cannot be negative."));
        RuleFor(s => s.BuyOrders).NotNull().ChildRules(b =>
            b.RuleFor(x => x.IntervalMinutes).InclusiveBetween(5, 1440).WithMessage("The buy-order interval must be between 5 and 1440 minutes."));
        RuleFor(s => s.SellOrders).NotNull().ChildRules(o =>
            o.RuleFor(x => x.Since).GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).When(x => x.Since is not null)
                .WithMessage("The start date for sell orders must be a real date (yyyy-MM-dd)."));
    }
}
