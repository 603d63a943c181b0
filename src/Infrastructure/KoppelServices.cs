using Koppel.Infrastructure.Reconciliation;
using Koppel.Infrastructure.Alerts;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Dashboard;
using Koppel.Infrastructure.Hosting;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Quota;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Secrets;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.SyncLog.Retention;
using Koppel.Infrastructure.Telemetry;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Users;
using Koppel.Infrastructure.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Coravel;

namespace Koppel.Infrastructure;

/// <summary>Registers everything the hub needs besides the web UI: database, secrets, sync engine, scheduler, sandboxes.</summary>
public static class KoppelServices
{
    public static IServiceCollection AddKoppel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseOptions.From(configuration, environment.ContentRootPath);
        services.AddSingleton(database);
        services.AddDbContextFactory<KoppelDb>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddKoppelOptions<SyncOptions>(SyncOptions.Section);
        services.AddKoppelOptions<HubOptions>(HubOptions.Section);
        services.AddKoppelOptions<InitialSupportUserOptions>(InitialSupportUserOptions.Section);
        services.AddSingleton<IValidateOptions<InitialSupportUserOptions>, ShippedPasswordCheck>();
        // Demo tenants and the emulators (with their well-known logins) are on in Development unless switched off,
        // and off elsewhere unless switched on.
        services.AddKoppelOptions<DemoOptions>(DemoOptions.Section, o => o.Enabled = environment.IsDevelopment());
        services.AddKoppelOptions<SandboxOptions>(SandboxOptions.Section, o => o.Enabled = environment.IsDevelopment());
        services.AddSingleton<SandboxAddress>();

        services.AddKeyRing(configuration, environment);
        services.AddSingleton<SecretProtector>();

        services.AddMetrics(); // the web host adds it too; a bare service collection (tests, benchmarks) needs it
        services.AddSingleton<SyncTelemetry>();
        services.AddSingleton<ConnectorHttp>();
        services.AddSingleton<IntegrationCatalog>();
        services.AddSingleton<TenantConnections>();
        services.AddSingleton<FlowContexts>();
        services.AddQuota();
        services.AddSingleton<FlowRunner>();
        services.AddSingleton<RunLauncher>();
        services.AddSingleton<SyncedRecords>();
        services.AddSingleton<ConnectionAddresses>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<ConnectionTester>();
        services.AddSingleton<WaitingFlows>();
        services.AddSingleton<SettingChoiceReader>();
        services.AddSingleton<SettingsChecker>();
        services.AddSingleton<ReadinessReader>();
        services.AddSingleton<MappingService>();
        services.AddSingleton<AuditLog>();
        services.AddMappingEditor();
        services.AddSingleton<SyncLogService>();
        services.AddSingleton<ErrorInbox>();
        services.AddSingleton<ErrorRetry>();
        services.AddSingleton<TenantHealthService>();
        services.AddSingleton<CustomerUsers>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<KoppelStartup>();
        services.AddSingleton<HubAddress>(sp => new HubAddress(sp.GetRequiredService<HubOptions>(), configuration, sp.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()));
        services.AddLogRetention();
        services.AddAlerts();
        services.AddSingleton<WebhookWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookWorker>());
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<WebhookRegistrar>();
        services.AddExactOptiply();
        services.AddGoedGepicktOptiply();
        services.AddMoySkladPlanfix();
        services.AddWebshopsOkos();
        services.AddIdentityCore<KoppelUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KoppelDb>()
            .AddDefaultTokenProviders();

        services.AddKoppelOptions<SchedulerOptions>(SchedulerOptions.Section);
        services.AddSingleton<FlowScheduler>();
        services.AddSingleton<DueFlows>();
        services.AddSingleton<InterruptedRuns>();
        services.AddSingleton<FlowWork>();
        services.AddHostedService(sp => sp.GetRequiredService<FlowWork>());
        services.AddTransient<DueFlowDispatcher>();
        services.AddSingleton<ReconciliationService>();
        services.AddTransient<NightlyReconciliation>();
        services.AddScheduler();
        return services;
    }

    /// <summary>Migrates the database, creates the first support user and the demo tenants, and schedules the flows.</summary>
    public static Task InitializeKoppelAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<KoppelStartup>().RunAsync(ct);
}
