using Koppel.Domain.Readiness;

namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// An integration's preparation checklist, run live against a connected system with the tenant's connections (the same
/// one-read context the setting pickers get). Declared on <see cref="IntegrationDefinition.ReadinessChecks"/>.
/// </summary>
public delegate Task<IReadOnlyList<ReadinessCheck>> ReadinessChecks(SettingChoiceContext context, CancellationToken ct);
