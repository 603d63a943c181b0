using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Health;

public static class HealthServices
{
    /// <summary>The tag of the checks behind readiness; liveness runs no check (the process answering is the answer).</summary>
    public const string Ready = "ready";

    public static IServiceCollection AddKoppelHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready]);
        return services;
    }
}
