using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

/// <summary>
/// Okos-Ügyvitel publishes no limits (the hub's pacing assumes 10 calls a second and honours 429), so no budget is
/// declared: its use is shown, never judged.
/// </summary>
public static class OkosQuota
{
    public static readonly SystemQuota Declaration = new("okos", "Okos-Ügyvitel", []);
}
