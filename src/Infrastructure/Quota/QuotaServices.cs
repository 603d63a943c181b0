using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Quota;

public static class QuotaServices
{
    /// <summary>The declared budgets (each connector registers its own), the tenant use reader and the deferral gate.</summary>
    public static IServiceCollection AddQuota(this IServiceCollection services)
    {
        services.AddSingleton<QuotaDeclarations>();
        services.AddSingleton<TenantQuotaReader>();
        services.AddSingleton<QuotaGate>();
        return services;
    }
}
