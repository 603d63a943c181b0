using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// A run a webhook delivery asks for: the flow, and the source id to re-read; no id asks for the flow's incremental
/// run (a delivery that names a report of changes rather than records, e.g. MoySklad's stock webhook).
/// </summary>
public sealed record WebhookRun(string Flow, string? SourceId);

/// <summary>What registering the hub's webhooks with a system needs, for one tenant's connection.</summary>
public sealed class WebhookRegistration
{
    public required ConnectionInfo Connection { get; init; }
    /// <summary>All the tenant's connections by system, for a registration that reads another system (e.g. names to offer).</summary>
    public IReadOnlyDictionary<string, ConnectionInfo> Connections { get; init; } = new Dictionary<string, ConnectionInfo>();
    public required ConnectorHttp Http { get; init; }
    /// <summary>Where the system must deliver: <c>{Hub:PublicUrl}/hooks/{tenant}/{system}</c>.</summary>
    public required Uri TargetUrl { get; init; }
    /// <summary>Stores a secret of the connection (encrypted, like the others), e.g. the webhooks' signing secrets.</summary>
    public required Func<string, string, CancellationToken, Task> SaveSecretAsync { get; init; }
}

/// <summary>
/// A system that calls the hub back, declared by an integration: how a delivery is verified, which single-record runs
/// it starts, and how the hub registers its webhooks. The hub's intake (<c>POST /hooks/{tenant}/{system}</c>) stores
/// verified deliveries durably and processes them in the background; nothing in it knows a particular system.
/// </summary>
public sealed class WebhookIntake
{
    /// <summary>
    /// The name under which the verifier finds the segment after the system in <c>/hooks/{tenant}/{system}/{key}</c>
    /// (a secret in the address, for senders that cannot sign). A leading colon: no real header can carry it.
    /// </summary>
    public const string PathKey = ":path-key";

    /// <summary>The last path segment of the hook address, e.g. "goedgepickt".</summary>
    public required string Segment { get; init; }
    /// <summary>The connection (by system key) whose secrets verify the deliveries.</summary>
    public required string ConnectionSystem { get; init; }
    /// <summary>True when the raw body is signed by the sender as the connection's secrets say (headers by lowercase name).</summary>
    public required Func<ConnectionInfo, IReadOnlyDictionary<string, string>, byte[], bool> Verify { get; init; }
    /// <summary>The runs a verified body asks for; none for events the integration does not use.</summary>
    public required Func<byte[], IReadOnlyList<WebhookRun>> Route { get; init; }
    /// <summary>Registers (or checks) the hub's webhooks with the system; null when they are set up by hand.</summary>
    public Func<WebhookRegistration, CancellationToken, Task<string>>? RegisterAsync { get; init; }
}
