using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Builds the context a flow's parts run with, for a run or for anything that must read the source exactly
/// as a run does (the mapping editor's samples). Rotated secrets are stored at once in both cases: a refresh
/// token used once by a preview must not be lost.
/// </summary>
public sealed class FlowContexts(IDbContextFactory<KoppelDb> dbs, TenantConnections connections, ConnectorHttp http, TimeProvider clock)
{
    /// <exception cref="RunStopped">The tenant's options are not valid.</exception>
    public FlowContext Create(Tenant tenant, IntegrationDefinition integration, string? scope = null)
    {
        var (settings, errors) = integration.Settings.Parse(System.Text.Json.Nodes.JsonNode.Parse(tenant.SettingsJson));
        if (settings is null)
            throw new RunStopped("The tenant's options are not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        return new FlowContext
        {
            Tenant = tenant,
            Settings = settings,
            Connections = connections.Decrypt(tenant),
            Http = http,
            Links = new LinkLookup(dbs, tenant.Id),
            Clock = clock,
            Scope = scope,
        };
    }
}
