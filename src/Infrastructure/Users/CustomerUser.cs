namespace Koppel.Infrastructure.Users;

/// <summary>A customer's portal account as support staff see it; never carries a password or its hash.</summary>
public sealed record CustomerUser(string Id, string Email, string TenantSlug, bool LockedOut);
