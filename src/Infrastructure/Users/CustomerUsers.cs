using System.Net.Mail;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Users;

/// <summary>
/// Support staff's management of customer accounts: each customer user is bound to exactly one tenant.
/// Every call uses its own scope, so a long-lived portal circuit never holds a stale Identity DbContext.
/// </summary>
public sealed class CustomerUsers(IServiceScopeFactory scopes, IDbContextFactory<KoppelDb> dbs, ILogger<CustomerUsers> log)
{
    /// <summary>The tenants a customer user can be bound to, by name.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> TenantsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct);
        return tenants.Select(t => (t.Slug, t.Name)).ToList();
    }

    public async Task<IReadOnlyList<CustomerUser>> ListAsync(string tenantSlug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().Where(u => u.TenantSlug == tenantSlug).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.TenantSlug, u.LockoutEnd }).ToListAsync(ct);
        return users.Select(u => new CustomerUser(u.Id, u.Email ?? "", u.TenantSlug!, u.LockoutEnd > now)).ToList();
    }

    /// <summary>Creates a customer user of the tenant with an initial password the customer is told out of band.</summary>
    /// <exception cref="InputRejected">Naming the field: tenant, email or password.</exception>
    public async Task<CustomerUser> CreateAsync(string tenantSlug, string? email, string? password, CancellationToken ct)
    {
        email = email?.Trim();
        var errors = new List<InputError>();
        await using (var db = await dbs.CreateDbContextAsync(ct))
            if (await db.Tenants.AsNoTracking().FindBySlugAsync(tenantSlug, ct) is null)
                errors.Add(new("tenant", TenantLookup.NotFound(tenantSlug)));
        if (string.IsNullOrEmpty(email) || !IsEmail(email))
            errors.Add(new("email", "Enter a valid email address, like name@example.com."));
        if (string.IsNullOrEmpty(password))
            errors.Add(new("password", "Enter an initial password."));
        if (errors.Count > 0) throw new InputRejected(errors);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KoppelUser>>();
        if (await users.FindByEmailAsync(email!) is not null)
            throw new InputRejected([new InputError("email", "A user with this email exists already.")]);
        var user = new KoppelUser { UserName = email, Email = email, EmailConfirmed = true, TenantSlug = tenantSlug };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
            throw new InputRejected(created.Errors.Select(e => new InputError(FieldOf(e), e.Description)).ToList());
        await users.AddToRoleAsync(user, Roles.Customer);
        log.LogInformation("Created customer user {UserId} for tenant {Tenant}", user.Id, tenantSlug);
        return new CustomerUser(user.Id, email!, tenantSlug, false);
    }

    /// <summary>Deletes a customer user of the tenant; a user of another tenant, or a support user, is not found.</summary>
    public async Task<bool> RemoveAsync(string tenantSlug, string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KoppelUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.TenantSlug != tenantSlug) return false;
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) throw new InvalidOperationException("The user could not be removed: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
        log.LogInformation("Removed customer user {UserId} of tenant {Tenant}", userId, tenantSlug);
        return true;
    }

    private static bool IsEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "user";
}
