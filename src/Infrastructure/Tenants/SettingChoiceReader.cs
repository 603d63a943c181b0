using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tenants;

/// <summary>The values a setting may take as the source system lists them right now, or why they could not be read.</summary>
public sealed record SettingChoicesResult(IReadOnlyList<SettingChoice> Choices, string? Problem);

/// <summary>Runs an integration's <see cref="SettingChoices"/> provider with the tenant's stored connections.</summary>
public sealed class SettingChoiceReader(
    IDbContextFactory<KoppelDb> dbs,
    IntegrationCatalog catalog,
    TenantConnections connections,
    ConnectorHttp http,
    TimeProvider clock,
    ILogger<SettingChoiceReader> log)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The setting paths of the tenant's integration that have live choices.</summary>
    public IReadOnlyCollection<string> PathsOf(string integrationKey) =>
        catalog.Find(integrationKey)?.Choices.Keys.ToList() ?? [];

    /// <summary>The tenant's decrypted connections for one live read (setting choices, readiness checks).</summary>
    public SettingChoiceContext ContextFor(Tenant tenant) => new()
    {
        Connections = connections.Decrypt(tenant),
        Http = http,
        Clock = clock,
    };

    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<SettingChoicesResult> ReadAsync(string slug, string settingPath, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        if (integration.ChoicesFor(settingPath) is not { } provider)
            return new([], $"The {integration.Name} integration offers no list for {settingPath}.");

        var context = ContextFor(tenant);
        // Not cancelled, for the same reason as a connection test: a refresh cut off midway loses the rotated token.
        Task<IReadOnlyList<SettingChoice>>? call = null;
        try
        {
            call = provider(context, CancellationToken.None);
            return new(await call.WaitAsync(Timeout, ct), null);
        }
        catch (SyncProblem problem)
        {
            return new([], problem.Message);
        }
        catch (TimeoutException)
        {
            Background.Observe(call!, log, $"Reading the choices of {settingPath} for {slug}");
            return new([], $"The list did not arrive within {Timeout.TotalSeconds:0} seconds. Try again later.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Reading the choices of {Setting} for {Tenant} failed", settingPath, slug);
            return new([], "The list could not be read just now. Support finds the details in the server log.");
        }
    }
}
