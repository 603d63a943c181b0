namespace Koppel.Infrastructure.Persistence;

/// <summary>An ASP.NET Data Protection key ring element, kept in the database so every node decrypts the same secrets.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
