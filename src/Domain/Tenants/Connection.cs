namespace Koppel.Domain.Tenants;

/// <summary>
/// A tenant's account at one external system. Plain fields (base URL, ids) are readable; secrets live
/// only in <see cref="ProtectedSecrets"/>, encrypted by the infrastructure before they reach the database.
/// </summary>
public sealed class Connection
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>System key, camelCase as in the API (e.g. "exactOnline", "optiply").</summary>
    public required string System { get; set; }
    /// <summary>Non-secret fields as a JSON object (baseUrl, tokenUrl, clientId, division...).</summary>
    public string FieldsJson { get; set; } = "{}";
    /// <summary>Encrypted JSON object of the secret fields; never leaves the server decrypted.</summary>
    public string? ProtectedSecrets { get; set; }
    public DateTime UpdatedAt { get; set; }
}
