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
        tenant.MapPost("/errors/resolve", ResolveGroupAsync);
        tenant.MapPost("/errors/{id:long}/resolve", ResolveAsync);
        tenant.MapPost("/errors/{id:long}/reopen", ReopenAsync);
        return api;
    }

    /// <summary>Which group to resolve, and why (the note is shown to whoever looks at the error later).</summary>
    public sealed record ResolveGroupBody(string? Flow, string? Reason, string? Note);

    public sealed record ResolveBody(string? Note);

    public sealed record Resolved(int Count);

    private static async Task<Ok<IReadOnlyList<ErrorGroup>>> GroupsAsync(string tenant, string? flow, string? reason, ErrorInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.GroupsAsync(tenant, flow, reason, ct));

    private static async Task<Results<Ok<Resolved>, ValidationProblem>> ResolveGroupAsync(
        string tenant, ResolveGroupBody body, HttpContext http, ErrorInbox inbox, CancellationToken ct)
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(body.Flow)) errors.Add(new InputError("flow", "Name the flow of the group."));
        if (string.IsNullOrWhiteSpace(body.Reason)) errors.Add(new InputError("reason", "Give the group's reason exactly as listed."));
        if (errors.Count > 0) return ApiResults.Invalid(errors);
        var count = await inbox.ResolveGroupAsync(tenant, body.Flow!, body.Reason!, ApiFilters.CallerOf(http).Actor, body.Note, ct);
        return TypedResults.Ok(new Resolved(count));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResolveAsync(
        string tenant, long id, ResolveBody? body, HttpContext http, ErrorInbox inbox, CancellationToken ct) =>
        await inbox.ResolveAsync(tenant, id, ApiFilters.CallerOf(http).Actor, body?.Note, ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"There is no error {id}.");

    private static async Task<Results<NoContent, ProblemHttpResult>> ReopenAsync(string tenant, long id, ErrorInbox inbox, CancellationToken ct) =>
        await inbox.ReopenAsync(tenant, id, ct) ? TypedResults.NoContent() : ApiResults.NotFound($"There is no error {id}.");
}
