using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog.Inbox;

/// <summary>
/// Retries open errors in bulk: the chosen records of one flow, a whole group, or every open error of the flow, as
/// one run of that flow (<see cref="RunMode.Records"/>) that goes on in the background.
/// </summary>
public sealed class ErrorRetry(ErrorInbox inbox, RunLauncher launcher, IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog)
{
    /// <summary>What a retry would read and write, said before it starts: each record is read again and may be written.</summary>
    public async Task<RetryEstimate> EstimateAsync(string slug, string flow, string? reason, IReadOnlyCollection<string>? among, CancellationToken ct) =>
        await CostAsync(slug, flow, (await inbox.SourceKeysAsync(slug, flow, reason, among, ct)).Count, ct);

    /// <summary>Starts the retry and returns its run, once it holds the flow, with what it costs; null when nothing matched.</summary>
    /// <exception cref="FlowBusy">The flow is running already.</exception>
    public async Task<(SyncRun Run, RetryEstimate Cost)?> StartAsync(string slug, string flow, string? reason, IReadOnlyCollection<string>? among,
        RunTrigger trigger, CancellationToken ct)
    {
        var keys = await inbox.SourceKeysAsync(slug, flow, reason, among, ct);
        if (keys.Count == 0) return null;
        var cost = await CostAsync(slug, flow, keys.Count, ct);
        return (await launcher.StartAsync(slug, flow, RunRequest.ForRecords(keys, trigger)), cost);
    }

    private async Task<RetryEstimate> CostAsync(string slug, string flow, int records, CancellationToken ct)
    {
        var definition = await FlowAsync(slug, flow, ct);
        return new RetryEstimate(records, definition.SourceSystem, definition.TargetSystem);
    }

    private async Task<FlowDefinition> FlowAsync(string slug, string flow, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        return integration.Flow(flow) ?? throw new KeyNotFoundException($"The {integration.Name} integration has no flow \"{flow}\".");
    }
}

/// <summary>
/// The API calls a retry costs, at most: every record is read once from the source (some connectors need a few calls
/// for one record) and written to the target when it changed.
/// </summary>
public sealed record RetryEstimate(int Records, string SourceSystem, string TargetSystem);
