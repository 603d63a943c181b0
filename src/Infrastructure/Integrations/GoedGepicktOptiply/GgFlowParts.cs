using System.Globalization;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>What every flow of this integration reads from the run's context: the GG client and the typed settings.</summary>
public static class GgFlowParts
{
    public const string SourceSystem = "GoedGepickt";
    public const string TargetSystem = "Optiply";

    public static GoedGepicktClient Client(FlowContext context) =>
        GoedGepicktClient.For(context.Connection(GoedGepicktAccount.System), context.Http);

    public static GoedGepicktOptiplySettings Settings(FlowContext context) => context.SettingsAs<GoedGepicktOptiplySettings>();

    /// <summary>The nightly flows run at products.nightlyAt, a time of day in Europe/Amsterdam, summer and winter.</summary>
    public static string? Nightly(object settings) =>
        TimeOnly.TryParseExact(((GoedGepicktOptiplySettings)settings).Products.NightlyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? $"CRON_TZ=Europe/Amsterdam {at.Minute} {at.Hour} * * *"
            : null;

    /// <summary>Buy orders are exported every buyOrders.intervalMinutes minutes.</summary>
    public static string BuyOrderInterval(object settings) =>
        ((GoedGepicktOptiplySettings)settings).BuyOrders.IntervalMinutes.ToString(CultureInfo.InvariantCulture);
}
