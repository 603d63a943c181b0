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
        var tenant = api.MapTenantGroup();
        tenant.MapGet("/quota", GetAsync).OpenToCustomers();
        tenant.MapGet("/flows/{flow}/resync-estimate", ResyncAsync);
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

    /// <summary>
    /// What a full resync of the flow costs on one system: <c>calls</c> (records times calls per record, from the flow's
    /// recent full runs or the system's page size) and <c>days</c> at its daily limit after today's use and the
    /// schedules' need (1: fits today; null: the schedules leave nothing over; no limit: 1).
    /// </summary>
    public sealed record ResyncAnswer(string System, string Name, long Records, double CallsPerRecord, long Calls, long? DailyLimit, int? Days);

    public sealed record ResyncEstimateAnswer(IReadOnlyList<ResyncAnswer> Systems);

    private static async Task<Ok<ResyncEstimateAnswer>> ResyncAsync(string tenant, string flow, TenantQuotaReader quota, CancellationToken ct) =>
        TypedResults.Ok(new ResyncEstimateAnswer((await quota.ResyncAsync(tenant, flow, ct))
            .Select(e => new ResyncAnswer(e.System, e.Name, e.Records, Math.Round(e.CallsPerRecord, 4), e.Calls, e.Limit, e.Days)).ToList()));

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
