using Koppel.Infrastructure.Tenants;

namespace Koppel.Portal.Api.Readiness;

/// <summary>The readiness checklist of a tenant's integration, run live against its source system (support only).</summary>
public static class ReadinessApi
{
    public static RouteGroupBuilder MapReadinessApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/checks", GetChecksAsync);
        return tenant;
    }

    private static async Task<IResult> GetChecksAsync(string tenant, ReadinessReader readiness, CancellationToken ct) =>
        await readiness.RunAsync(tenant, ct) switch
        {
            null => ApiResults.NotFound("This tenant's integration has no readiness checklist."),
            { Problem: { } problem } => Results.Problem(problem, statusCode: StatusCodes.Status502BadGateway, title: "The checklist could not be run"),
            var result => Results.Ok(new { checks = result.Checks }),
        };
}
