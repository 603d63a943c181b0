using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Errors;

/// <summary>
/// A tenant's open errors: grouped by reason, resolved and reopened by support. Customers read their own
/// tenant's groups; resolving is support's decision, as in the portal.
/// </summary>
public static class ErrorEndpoints
{
    public static RouteGroupBuilder MapErrorEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        tenant.MapGet("/errors", GroupsAsync).OpenToCustomers();
        tenant.MapGet("/errors/records", RecordsAsync).OpenToCustomers();
        tenant.MapPost("/errors/resolve", ResolveGroupAsync);
        tenant.MapPost("/errors/{id:long}/resolve", ResolveAsync);
        tenant.MapPost("/errors/{id:long}/reopen", ReopenAsync);
        // A retry is a resync of records that failed: customers may start it for their own tenant, as they resync one record.
        tenant.MapPost("/errors/retry", RetryAsync).OpenToCustomers().ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>Which group to resolve, and why (the note is shown to whoever looks at the error later).</summary>
    public sealed record ResolveGroupBody(string? Flow, string? Reason, string? Note);

    public sealed record ResolveBody(string? Note);

    public sealed record Resolved(int Count);

    /// <summary>
    /// Which open errors to retry: those of one flow, narrowed to one reason (a group) and/or to chosen source keys.
    /// </summary>
    public sealed record RetryBody(string? Flow, string? Reason, IReadOnlyList<string>? SourceKeys);

    /// <summary>The run that retries them (it goes on after the answer) and what it costs at most in API calls.</summary>
    public sealed record RetryStarted(RunSummary Run, int Records, RetryCalls Calls);

    public sealed record RetryCalls(string SourceSystem, int SourceReads, string TargetSystem, int TargetWritesAtMost);

    /// <summary>An open error as the API shows it: the record's id and name, why it fails and since when.</summary>
    public sealed record ErrorRecord(long Id, string Flow, string SourceKey, string? DisplayName, string Reason,
        DateTime FirstFailedAt, DateTime LastFailedAt, int Attempts, long LastLogId);

    /// <param name="q">Text the reason contains, in any case.</param>
    /// <param name="failingForHours">Only errors whose first failure is at least this many hours ago.</param>
    /// <param name="record">Words in a record's id, name or source data (as the log search finds them): counts only those records.</param>
    private static async Task<Results<Ok<IReadOnlyList<ErrorGroup>>, ValidationProblem>> GroupsAsync(
        string tenant, string? flow, string? reason, string? q, int? failingForHours, string? record, ErrorInbox inbox, CancellationToken ct)
    {
        if (Filter(flow, reason, q, failingForHours, record) is not { } filter)
            return ApiResults.Invalid([new InputError("failingForHours", "Give a number of hours of 0 or more.")]);
        return TypedResults.Ok(await inbox.GroupsAsync(tenant, filter, ct));
    }

    /// <summary>The open errors themselves, newest failure first, by the same filters as the groups.</summary>
    private static async Task<Results<Ok<List<ErrorRecord>>, ValidationProblem>> RecordsAsync(
        string tenant, string? flow, string? reason, string? q, int? failingForHours, string? record, ErrorInbox inbox, CancellationToken ct)
    {
        if (Filter(flow, reason, q, failingForHours, record) is not { } filter)
            return ApiResults.Invalid([new InputError("failingForHours", "Give a number of hours of 0 or more.")]);
        var rows = await inbox.RecordsAsync(tenant, filter, ct);
        return TypedResults.Ok(rows.Select(e => new ErrorRecord(e.Id, e.Flow, e.SourceKey, e.DisplayName, e.Reason, e.FirstFailedAt, e.LastFailedAt, e.Attempts, e.LastLogId))
            .ToList());
    }

    /// <summary>The filter the query asks for; null when the age is negative.</summary>
    private static ErrorFilter? Filter(string? flow, string? reason, string? q, int? failingForHours, string? record) =>
        failingForHours < 0 ? null
            : new ErrorFilter(flow, reason, Trimmed(q), failingForHours is { } hours ? TimeSpan.FromHours(hours) : null, Trimmed(record));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<Results<Ok<Resolved>, ValidationProblem>> ResolveGroupAsync(
        string tenant, ResolveGroupBody body, HttpContext http, ErrorInbox inbox, CancellationToken ct)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(body.Flow)) errors.Add(new InputError("flow", "Name the flow of the group."));
        if (string.IsNullOrWhiteSpace(body.Reason)) errors.Add(new InputError("reason", "Give the group's reason exactly as listed."));
        if (errors.Count > 0) return ApiResults.Invalid(errors);
        var count = await inbox.ResolveGroupAsync(tenant, new ErrorFilter(body.Flow, body.Reason), ApiFilters.CallerOf(http).Actor, body.Note, ct);
        return TypedResults.Ok(new Resolved(count));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResolveAsync(
        string tenant, long id, ResolveBody? body, HttpContext http, ErrorInbox inbox, CancellationToken ct) =>
        await inbox.ResolveAsync(tenant, id, ApiFilters.CallerOf(http).Actor, body?.Note, ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"There is no error {id}.");

    private static async Task<Results<Accepted<RetryStarted>, ValidationProblem, ProblemHttpResult>> RetryAsync(
        string tenant, RetryBody body, ErrorRetry retry, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Flow)) return ApiResults.Invalid([new InputError("flow", "Name the flow whose open errors to retry.")]);
        if (body.SourceKeys is { Count: 0 }) return ApiResults.Invalid([new InputError("sourceKeys", "Leave it out to retry every match, or list at least one record.")]);
        if (await retry.StartAsync(tenant, body.Flow, body.Reason, body.SourceKeys, RunTrigger.Api, ct) is not { } started)
            return ApiResults.NotFound("No open error matches: nothing to retry.");
        var (run, cost) = started;
        return TypedResults.Accepted($"/api/v1/tenants/{tenant}/runs/{run.Id}", new RetryStarted(RunSummary.Of(run), cost.Records,
            new RetryCalls(cost.SourceSystem, cost.Records, cost.TargetSystem, cost.Records)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReopenAsync(string tenant, long id, ErrorInbox inbox, CancellationToken ct) =>
        await inbox.ReopenAsync(tenant, id, ct) ? TypedResults.NoContent() : ApiResults.NotFound($"There is no error {id}.");
}
