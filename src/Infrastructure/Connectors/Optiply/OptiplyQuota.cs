using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>
/// Optiply publishes no rate limits (its API documentation and public clients name none; Optiply's guidance is 100-200 ms
/// between calls, which the hub's pacing follows). So no budget is declared: its use is shown, never judged.
/// </summary>
public static class OptiplyQuota
{
    public static readonly SystemQuota Declaration = new("optiply", "Optiply", []) { RecordsPerPage = 100 };
}
