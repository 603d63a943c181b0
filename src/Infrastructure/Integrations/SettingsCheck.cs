namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// Checks settings that parsed and validated against what only the tenant's connections know (ids the connected system
/// must have, keys of the tenant's accounts), when settings or connections are saved. Returns one error per bad field,
/// named by its settings path ("webshops.shop-a.warehouseId"). Declared on <see cref="IntegrationDefinition.SettingsCheck"/>.
/// </summary>
public delegate Task<IReadOnlyList<SettingsError>> SettingsCheck(object settings, SettingChoiceContext context, CancellationToken ct);
