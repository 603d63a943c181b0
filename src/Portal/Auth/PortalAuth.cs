using Koppel.Infrastructure.Hosting;
using Koppel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Koppel.Portal.Auth;

/// <summary>
/// Sign-in for the portal: ASP.NET Core Identity with a cookie, the policies of <see cref="PortalPolicies"/>, and a
/// fallback policy that makes every endpoint require a signed-in user unless it says otherwise (the sign-in page,
/// static assets, the sandboxes and the admin API, which checks its own callers, opt out with AllowAnonymous) and
/// keeps customers out of other tenants' addresses (<see cref="TenantPathRequirement"/>).
/// </summary>
public static class PortalAuth
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string AccessDeniedPath = "/access-denied";

    public static IServiceCollection AddPortalAuth(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(KoppelUser), typeof(IdentityRole), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<KoppelClaimsFactory>();
        services.Configure<IdentityOptions>(o =>
        {
            // Failed sign-ins are throttled per client address (SignInThrottle), not by locking accounts: a lock
            // would let anyone shut the support account out, and its message would tell which accounts exist.
            o.Lockout.AllowedForNewUsers = false;
        });
        // Every cookie is checked against the user's security stamp on each request (one indexed read): a signed-out
        // or removed user's cookie stops working at once, not after the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Secure whenever the request came over https (directly, or through a proxy that says so).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "Koppel.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = AccessDeniedPath;
            o.ReturnUrlParameter = "returnUrl";
            // Identity set OnValidatePrincipal (the security stamp check) on these events; keep it, replace only the redirects.
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                "Sign in to the portal, or send a valid admin API key in the X-Api-Key header.");
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden, "Forbidden",
                "You are not allowed to see or change this.");
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new TenantPathRequirement()).Build())
            .AddPolicy(PortalPolicies.Support, p => p.RequireAuthenticatedUser().RequireRole(Roles.Support))
            .AddPolicy(PortalPolicies.TenantAccess, p => p.RequireAuthenticatedUser().AddRequirements(new TenantAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, TenantAccessHandler>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddScoped<CurrentUser>();
        services.AddKoppelOptions<SignInThrottleOptions>(SignInThrottleOptions.Section);
        services.AddSingleton<SignInThrottle>();
        return services;
    }

    /// <summary>The sign-out endpoint (a form POST with an antiforgery token, so another site cannot sign users out).</summary>
    public static IEndpointRouteBuilder MapPortalAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignOutPath, async (HttpContext http, SignInManager<KoppelUser> signIns, UserManager<KoppelUser> users) =>
            {
                // The antiforgery middleware only records its verdict for a handler that binds no form: enforce it here.
                if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                    return Results.Problem("The sign-out form was not sent by this portal.", statusCode: StatusCodes.Status400BadRequest);
                // A new security stamp ends every copy of this user's cookie, not just the one in this browser.
                if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
                await signIns.SignOutAsync();
                return Results.LocalRedirect(SignInPath + "?signedOut=true");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Programs calling the API want a status and a problem detail, not the sign-in page's HTML.</summary>
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context.HttpContext);
    }
}
