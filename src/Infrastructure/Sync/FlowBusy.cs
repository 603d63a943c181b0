using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Sync;

/// <summary>A run of this tenant's flow is already in progress.</summary>
public sealed class FlowBusy(string tenant, string flow)
    : Exception($"The {flow} sync of {tenant} is already running. Wait for it to finish, then try again.");
