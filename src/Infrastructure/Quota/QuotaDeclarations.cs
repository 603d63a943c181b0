using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Quota;

/// <summary>
/// The call budgets every connector declared (one <see cref="SystemQuota"/> registered per connector folder), by the
/// key a run's calls are counted under. A key nobody declared (a sign-in endpoint counted on its own) has no budget.
/// </summary>
public sealed class QuotaDeclarations(IEnumerable<SystemQuota> declared)
{
    private readonly Dictionary<string, SystemQuota> _bySystem = declared.DistinctBy(q => q.System).ToDictionary(q => q.System, StringComparer.Ordinal);

    public IReadOnlyCollection<SystemQuota> All => _bySystem.Values;

    /// <summary>The declaration for the key, or an empty one named after the key.</summary>
    public SystemQuota For(string system) => _bySystem.GetValueOrDefault(system) ?? new SystemQuota(system, system, []);

    /// <summary>The declaration whose system a flow definition names (its display name, e.g. "Exact Online"), if any.</summary>
    public SystemQuota? Named(string name) => _bySystem.Values.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));
}
