using Koppel.Domain.Quota;
using Koppel.Infrastructure.Quota;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Quota;

/// <summary>
/// A tenant's API use today per external system, against the budgets its connectors declare. Customers read their own
/// tenant's: it tells them why a nightly run waited.
/// </summary>
public static class QuotaEndpoints
{
    public static RouteGroupBuilder MapQuotaEndpoints(this RouteGroupBuilder api)
    {
        api.MapTenantGroup().MapGet("/quota", GetAsync).OpenToCustomers();
        return api;
    }

    /// <summary>One documented limit: calls per period, how the system counts the period, and where the figure comes from.</summary>
    public sealed record BudgetAnswer(int Calls, int Every, QuotaUnit Unit, QuotaCounting Counting, string Source);

    /// <summary>
    /// One system's day. <c>dailyLimit</c> is the tightest budget over a day (null: the system documents none);
    /// <c>forecast</c> is today's use plus what the enabled flows' schedules will still call today at their recent
    /// runs' average; <c>status</c> warns at 80 % of the limit and is <c>exhausted</c> once it is used up.
    /// </summary>
    public sealed record SystemAnswer(string System, string Name, IReadOnlyList<BudgetAnswer> Budgets, long? DailyLimit,
        long UsedToday, long ScheduledRestOfToday, long Forecast, QuotaStatus Status, DateTime DayStartedAt, DateTime DayEndsAt);

    public sealed record QuotaAnswer(IReadOnlyList<SystemAnswer> Systems);

    private static async Task<Ok<QuotaAnswer>> GetAsync(string tenant, TenantQuotaReader quota, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = await quota.TodayAsync(tenant, ct);
        return TypedResults.Ok(new QuotaAnswer(days.Select(d => new SystemAnswer(
            d.Quota.System, d.Quota.Name,
            d.Quota.Budgets.Select(b => new BudgetAnswer(b.Calls, b.Every, b.Unit, b.Counting, b.Source)).ToList(),
            d.Limit, d.Used, d.ScheduledRestOfToday, d.Forecast, d.Status, d.Quota.DayStart(now), d.Quota.DayEnd(now))).ToList()));
    }
}
