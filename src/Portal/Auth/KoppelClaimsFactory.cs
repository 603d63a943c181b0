using System.Security.Claims;
using Koppel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koppel.Portal.Auth;

/// <summary>Adds the customer's tenant to the sign-in cookie, so every request knows it without a database read.</summary>
public sealed class KoppelClaimsFactory(UserManager<KoppelUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KoppelUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KoppelUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.TenantSlug))
            identity.AddClaim(new Claim(PortalClaims.Tenant, user.TenantSlug));
        return identity;
    }
}
