using Koppel.Domain.Quota;
using Koppel.Portal.Components.Runs;

namespace Koppel.Portal.Components.Quota;

/// <summary>The quota panel's and the resync confirmation's sentences, kept apart from the markup so both say it alike.</summary>
public static class QuotaWords
{
    /// <summary>The declared name, or the run page's name for a key nobody declared (a sign-in endpoint).</summary>
    public static string Name(QuotaDay day) => day.Quota.Name == day.Quota.System ? SystemNames.Of(day.Quota.System) : day.Quota.Name;

    public static string Figures(QuotaDay day) => day.Limit is { } limit
        ? $"{day.Used:N0} of {limit:N0} calls · forecast {day.Forecast:N0} by midnight"
        : $"{Calls(day.Used)} · forecast {day.Forecast:N0} by midnight · no documented limit";

    public static string Chip(QuotaDay day) => day.Status switch
    {
        QuotaStatus.Exhausted => "Limit reached",
        _ when day.Forecast > day.Limit => "Forecast over the limit",
        _ => $"Forecast at {100.0 * day.Forecast / day.Limit!.Value:0} %",
    };

    public static string Budget(QuotaDay day) =>
        $"Limit: {day.Quota.Binding!.Words}" + (day.Quota.Budgets.Count > 1
            ? $" (also {string.Join(", ", day.Quota.Budgets.Where(b => b != day.Quota.Binding).Select(b => b.Words))})"
            : "");

    private static string Calls(long calls) => calls == 1 ? "1 call" : $"{calls:N0} calls";

    private static string Name(ResyncEstimate estimate) => estimate.Name == estimate.System ? SystemNames.Of(estimate.System) : estimate.Name;

    /// <summary>For the resync confirmation, e.g. "About 100,000 calls to Exact Online: about 20 days at its daily limit of 5,000, ...".</summary>
    public static string Resync(ResyncEstimate estimate) => estimate switch
    {
        { Limit: null } => $"About {Calls(estimate.Calls)} to {Name(estimate)} (no documented limit).",
        { Days: null } => $"About {Calls(estimate.Calls)} to {Name(estimate)}: the schedules use its whole daily limit of {estimate.Limit:N0}, so it cannot finish within the limit.",
        { Days: 1 } => $"About {Calls(estimate.Calls)} to {Name(estimate)}: fits in what is left of today's limit of {estimate.Limit:N0}.",
        _ => $"About {Calls(estimate.Calls)} to {Name(estimate)}: about {estimate.Days} days at its daily limit of {estimate.Limit:N0}, after today's use and the schedules.",
    };
}
