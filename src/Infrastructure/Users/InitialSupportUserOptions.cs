namespace Koppel.Infrastructure.Users;

/// <summary>The Auth:InitialSupportUser section: the first support account, created once when none exists.</summary>
public sealed class InitialSupportUserOptions
{
    public const string Section = "Auth:InitialSupportUser";

    public string? Email { get; set; }
    public string? Password { get; set; }
}
