using System.Text.Json;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Secrets;

namespace Koppel.Infrastructure.Tenants;

/// <summary>Runs an integration's <see cref="SettingsCheck"/> with the connections as they are about to be saved.</summary>
public sealed class SettingsChecker(SecretProtector secrets, ConnectorHttp http, TimeProvider clock)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <returns>One error per bad field, named as the API names it (<c>settings.…</c>).</returns>
    public async Task<IReadOnlyList<InputError>> CheckAsync(IntegrationDefinition integration, object settings, IEnumerable<Connection> connections,
        CancellationToken ct)
    {
        if (integration.SettingsCheck is not { } check) return [];
        var context = new SettingChoiceContext
        {
            // Not stored yet (or about to change): a check reads, it never rotates a secret.
            Connections = connections.ToDictionary(c => c.System, c => new ConnectionInfo(c.System,
                JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [], secrets.Unprotect(c.ProtectedSecrets))),
            Http = http,
            Clock = clock,
        };
        try
        {
            var errors = await check(settings, context, ct).WaitAsync(Timeout, ct);
            return errors.Select(e => new InputError($"settings.{e.Field}", e.Message)).ToList();
        }
        catch (TimeoutException)
        {
            return [new InputError("settings", $"The connected system did not answer within {Timeout.TotalSeconds:0} seconds, so the options could not be checked and were not saved. Try again later.")];
        }
    }
}
