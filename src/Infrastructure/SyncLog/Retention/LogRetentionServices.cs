using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.SyncLog.Retention;

public static class LogRetentionServices
{
    public static IServiceCollection AddLogRetention(this IServiceCollection services)
    {
        services.AddOptions<LogRetentionOptions>().BindConfiguration(LogRetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LogPruner>();
        services.AddHostedService<LogRetentionService>();
        return services;
    }
}
