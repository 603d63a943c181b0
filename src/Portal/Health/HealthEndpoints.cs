using Koppel.Infrastructure.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Koppel.Portal.Health;

/// <summary>
/// Probes for load balancers and container platforms: unauthenticated, and answering only "Healthy" or "Unhealthy"
/// (the framework's default writer), so nothing about the database or the tenants leaks to whoever asks.
/// Why a check failed is logged by the health check service.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthServices.Ready) })
            .AllowAnonymous();
        return app;
    }
}
