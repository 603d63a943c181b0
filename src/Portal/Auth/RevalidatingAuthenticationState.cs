using Koppel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Koppel.Portal.Auth;

/// <summary>
/// A circuit can stay open for hours after its cookie was checked. Every minute this asks the database whether the
/// user still exists with the same security stamp; a removed customer is signed out of open pages too.
/// </summary>
public sealed class RevalidatingAuthenticationState(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KoppelUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null) return false;
        var stamp = state.User.FindFirst(options.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
