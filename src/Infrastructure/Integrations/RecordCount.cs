namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// How many records of a flow's entity one side holds, asked with that system's cheapest documented count (one call);
/// null when the system cannot say for this tenant's connection. Optional: a flow without one shows "not counted".
/// </summary>
public delegate Task<long?> RecordCount(FlowContext context, CancellationToken ct);
