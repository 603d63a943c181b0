using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tenants;

/// <summary>A tenant as the API and the portal show it. Secrets appear only as the names of those that are set.</summary>
public sealed record TenantView(
    string Slug,
    string Name,
    string Integration,
    IReadOnlyDictionary<string, ConnectionView> Connections,
    JsonObject Settings,
    IReadOnlyList<FlowView> Flows,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ConnectionView(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> SecretsSet);

public sealed record FlowView(
    string Key,
    string Name,
    string Source,
    string Target,
    bool Enabled,
    string Schedule,
    DateTime? LastRunAt,
    RunStatus? LastRunStatus,
    bool Running,
    DateTimeOffset? NextRunAt,
    string? PausedReason,
    bool WaitingForConnections = false);
