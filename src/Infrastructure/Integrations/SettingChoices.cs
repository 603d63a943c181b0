namespace Koppel.Infrastructure.Integrations;

/// <summary>One value a setting may take, with the words the source system uses for it (e.g. a warehouse's code and name).</summary>
public sealed record SettingChoice(string Value, string Label);

/// <summary>What a choices provider may use: the tenant's decrypted connections, for the length of one read.</summary>
public sealed class SettingChoiceContext : ConnectedContext;

/// <summary>
/// Reads the values a setting may take live from a source system, so the options form offers a picker instead of
/// asking for ids. Registered per setting path ("warehouses.subset") on <see cref="IntegrationDefinition.Choices"/>.
/// </summary>
public delegate Task<IReadOnlyList<SettingChoice>> SettingChoices(SettingChoiceContext context, CancellationToken ct);
