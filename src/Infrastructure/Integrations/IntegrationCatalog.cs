namespace Koppel.Infrastructure.Integrations;

/// <summary>Every integration the hub can run, by key.</summary>
public sealed class IntegrationCatalog(IEnumerable<IntegrationDefinition> integrations)
{
    private readonly Dictionary<string, IntegrationDefinition> _byKey = integrations.ToDictionary(i => i.Key);

    public IReadOnlyCollection<IntegrationDefinition> All => _byKey.Values;

    public IntegrationDefinition? Find(string key) => _byKey.GetValueOrDefault(key);

    public IntegrationDefinition Get(string key) =>
        Find(key) ?? throw new InvalidOperationException($"No integration \"{key}\" is installed in this hub.");
}
