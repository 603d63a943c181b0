using System.Text.Json;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Secrets;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// Applies an input's connection fields to a tenant's stored connections, checking them against the integration's
/// schema. An address moved to another host drops the stored secrets the input does not give again, so they are
/// never sent to a host they were not given for.
/// </summary>
internal static class ConnectionChanges
{
    public static List<Connection> Apply(
        IntegrationDefinition integration,
        IReadOnlyCollection<Connection> stored,
        Dictionary<string, Dictionary<string, string?>>? input,
        SecretProtector secrets,
        ConnectionAddresses addresses,
        bool addressesLocked,
        List<InputError> errors)
    {
        var result = new List<Connection>();
        foreach (var (system, values) in input ?? [])
        {
            var schema = integration.Connections.FirstOrDefault(c => c.Holds(system));
            if (schema is null)
            {
                errors.Add(new($"connections.{system}", $"The {integration.Name} integration has no such connection; use {string.Join(" or ", integration.Connections.Select(c => c.System))}."));
                continue;
            }
            if (schema.KeyOf(system) is { } key && !ConnectionsInput.KeyPattern().IsMatch(key))
                errors.Add(new($"connections.{system}", "A key is 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit."));
            foreach (var unknown in values.Keys.Where(k => schema.Fields.All(f => f.Name != k)))
                errors.Add(new($"connections.{system}.{unknown}", "This connection has no such field."));

            var connection = stored.FirstOrDefault(c => c.System == system) ?? new Connection { System = system };
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(connection.FieldsJson) ?? [];
            var secretValues = secrets.Unprotect(connection.ProtectedSecrets);
            var moved = addresses.Moved(schema, fields, values);
            foreach (var field in schema.Fields)
            {
                var given = values.TryGetValue(field.Name, out var value) && value is not null ? value.Trim() : null;
                var path = $"connections.{system}.{field.Name}";
                if (ConnectionAddresses.IsAddress(field) && given is not null && addressesLocked
                    && given != (fields.GetValueOrDefault(field.Name) ?? field.Default ?? ""))
                {
                    errors.Add(new(path, "Only support staff can change a connection's address."));
                    continue;
                }
                var target = field.Secret ? secretValues : fields;
                if (given is not null) target[field.Name] = given;
                else if (field.Secret && moved && target.Remove(field.Name) && field.Required)
                {
                    errors.Add(new(path, $"The address changed, so the stored {field.Label} was dropped: give it again for the new address."));
                    continue;
                }
                else if (!target.ContainsKey(field.Name) && field.Default is not null) target[field.Name] = field.Default;

                if (field.Required && string.IsNullOrWhiteSpace(target.GetValueOrDefault(field.Name)))
                    errors.Add(new(path, $"{field.Label} is required."));
                else if (field.Choices.Count > 0 && target.GetValueOrDefault(field.Name) is { } chosen && !field.Choices.Contains(chosen))
                    errors.Add(new(path, $"{field.Label} is one of: {string.Join(", ", field.Choices)}."));
                else if (ConnectionAddresses.IsAddress(field) && given is { Length: > 0 } && addresses.Problem(given) is { } problem)
                    errors.Add(new(path, problem));
            }
            connection.FieldsJson = JsonSerializer.Serialize(fields);
            connection.ProtectedSecrets = secrets.Protect(secretValues);
            result.Add(connection);
        }
        return result;
    }
}
