using Koppel.Infrastructure.Persistence;
using Coravel;
using Koppel.Infrastructure.Reconciliation;
using Koppel.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Koppel.Infrastructure.Hosting;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure;

/// <summary>What happens once when the hub starts, before it serves requests.</summary>
public sealed class KoppelStartup(IServiceProvider services, DemoOptions demo, InitialSupportUserOptions initialSupportUser, ILogger<KoppelStartup> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        // Every bad setting at once, named by key, before anything touches the database (the host would check them
        // only when it starts listening, after this).
        services.GetService<IStartupValidator>()?.Validate();
        var dbs = services.GetRequiredService<IDbContextFactory<KoppelDb>>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
            await DatabaseMigrator.MigrateAsync(db, ct);

        await EnsureSupportUserAsync();

        if (demo.Enabled)
            foreach (var demo in services.GetServices<IDemoTenant>())
                await demo.EnsureAsync(ct);

        await services.GetRequiredService<InterruptedRuns>().CloseAsync(ct);
        await services.GetRequiredService<FlowScheduler>().SyncAsync(ct: ct);
        var scheduler = services.GetRequiredService<SchedulerOptions>();
        if (scheduler.Enabled)
            services.UseScheduler(s =>
            {
                s.Schedule<DueFlowDispatcher>().EverySeconds(scheduler.PollSeconds).PreventOverlapping(nameof(DueFlowDispatcher));
                s.Schedule<NightlyReconciliation>().DailyAtHour(scheduler.ReconciliationHourUtc).PreventOverlapping(nameof(NightlyReconciliation));
            });
        log.LogInformation("Koppel is ready");
    }

    /// <summary>The first support user, from Auth:InitialSupportUser, created once when no support user exists.</summary>
    private async Task EnsureSupportUserAsync()
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Support, Roles.Customer })
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<KoppelUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Support)).Count > 0) return;
        var (email, password) = (initialSupportUser.Email, initialSupportUser.Password);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            log.LogWarning("No support user exists and Auth:InitialSupportUser is not configured: nobody can sign in to the portal yet");
            return;
        }
        var user = new KoppelUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            log.LogError("The initial support user could not be created: {Errors}", string.Join(" ", created.Errors.Select(e => e.Description)));
            return;
        }
        await users.AddToRoleAsync(user, Roles.Support);
        log.LogInformation("Created the initial support user {Email}", email);
    }
}

/// <summary>A demo tenant created on first start (<see cref="DemoOptions"/>), pointing at the sandboxes.</summary>
public interface IDemoTenant
{
    Task EnsureAsync(CancellationToken ct);
}
