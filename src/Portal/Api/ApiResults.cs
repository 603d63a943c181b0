using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api;

/// <summary>A run as the API reports it; <paramref name="Calls"/> counts its calls per external system (connection key, e.g. "exactOnline").</summary>
public sealed record RunSummary(
    long Id, string Flow, RunMode Mode, RunTrigger Trigger, RunStatus Status,
    int Read, int Created, int Updated, int Unchanged, int Skipped, int Failed, int Deleted,
    DateTime StartedAt, DateTime? EndedAt, string? Error, IReadOnlyDictionary<string, int> Calls)
{
    public static RunSummary Of(SyncRun r) => new(r.Id, r.Flow, r.Mode, r.Trigger, r.Status,
        r.Read, r.Created, r.Updated, r.Unchanged, r.Skipped, r.Failed, r.Deleted, r.StartedAt, r.EndedAt, r.Error, RunCalls.Parse(r.Calls));
}

/// <summary>RFC 7807 answers in the hub's words, typed so handlers can name them in their results.</summary>
internal static class ApiResults
{
    public static ValidationProblem Invalid(IReadOnlyList<InputError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Some fields are not valid.");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Busy(FlowBusy busy) => TypedResults.Problem(busy.Message, statusCode: StatusCodes.Status409Conflict, title: "Already running");

    public static ProblemHttpResult Forbidden(string detail = "You are not allowed to see or change this tenant.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult Unauthorized() => TypedResults.Problem($"Sign in to the portal, or send a valid admin API key in the {ApiKeys.Header} header.",
        statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
}
