namespace Koppel.Infrastructure.Persistence;

/// <summary>The portal's two roles: support staff see every tenant; a customer sees only its own.</summary>
public static class Roles
{
    public const string Support = "Support";
    public const string Customer = "Customer";
}
