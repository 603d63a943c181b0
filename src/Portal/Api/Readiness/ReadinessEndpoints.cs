using Koppel.Domain.Readiness;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Readiness;

/// <summary>The readiness checklist of a tenant's integration, run live against its source system (support only).</summary>
public static class ReadinessEndpoints
{
    public static RouteGroupBuilder MapReadinessEndpoints(this RouteGroupBuilder api)
    {
        api.MapTenantGroup().MapGet("/checks", GetAsync);
        return api;
    }

    /// <summary>The answer: every check of the integration, in its order.</summary>
    public sealed record ChecksAnswer(IReadOnlyList<ReadinessCheck> Checks);

    private static async Task<Results<Ok<ChecksAnswer>, ProblemHttpResult>> GetAsync(string tenant, ReadinessReader readiness, CancellationToken ct) =>
        await readiness.RunAsync(tenant, ct) switch
        {
            null => ApiResults.NotFound("This tenant's integration has no readiness checklist."),
            // The source system did not answer as it should: a gateway problem, with its reason in the hub's words.
            { Problem: { } problem } => TypedResults.Problem(problem, statusCode: StatusCodes.Status502BadGateway, title: "The checklist could not be run"),
            var result => TypedResults.Ok(new ChecksAnswer(result.Checks)),
        };
}
