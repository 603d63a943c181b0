using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Koppel.Infrastructure.Secrets;

/// <summary>Encrypts a connection's secret fields as one JSON object; the only way secrets are read or written.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Koppel.ConnectionSecrets.v1");

    public string Protect(IReadOnlyDictionary<string, string> secrets) =>
        _protector.Protect(JsonSerializer.Serialize(secrets));

    public Dictionary<string, string> Unprotect(string? protectedSecrets) =>
        string.IsNullOrEmpty(protectedSecrets)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedSecrets)) ?? [];
}
