using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Auth;

namespace Koppel.Portal.Api;

/// <summary>Who may call the admin API, and for which tenant: the filters every /api/v1 endpoint passes.</summary>
internal static class ApiFilters
{
    /// <summary>
    /// The routes of one tenant (/tenants/{tenant}/...). Every group maps its tenant routes on this, so no tenant
    /// endpoint can forget to check that the caller may see that tenant.
    /// </summary>
    public static RouteGroupBuilder MapTenantGroup(this RouteGroupBuilder api) =>
        api.MapGroup("/tenants/{tenant}").AddEndpointFilter(RequireTenant);

    /// <summary>The caller <see cref="RequireCaller"/> admitted.</summary>
    public static ApiCaller CallerOf(HttpContext http) => (ApiCaller)http.Items[typeof(ApiCaller)]!;

    /// <summary>
    /// An X-Api-Key header decides alone (a wrong key is 401 even with a cookie); without one, the portal's cookie
    /// may stand in. Cookie callers from another site are refused: browsers add the Origin header to such requests.
    /// </summary>
    public static async ValueTask<object?> RequireCaller(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        ApiCaller? caller;
        if (http.Request.Headers.ContainsKey(ApiKeys.Header))
        {
            var key = http.RequestServices.GetRequiredService<ApiKeys>().From(http);
            if (key is null) return ApiResults.Unauthorized();
            caller = ApiCaller.Of(key);
        }
        else
        {
            if (!http.User.IsSignedIn()) return ApiResults.Unauthorized();
            if (IsCrossSite(http.Request)) return ApiResults.Forbidden("Requests from another site are not accepted with the portal's cookie.");
            caller = ApiCaller.Of(http.User);
            if (caller is null) return ApiResults.Forbidden("Your account is not linked to a tenant yet; ask support.");
        }
        if (caller.IsCustomer && http.GetEndpoint()?.Metadata.GetMetadata<ApiAccess>() is null)
            return ApiResults.Forbidden("Customers may read runs and the log of their own tenant and start its runs; connections, settings and mappings are changed by support.");
        http.Items[typeof(ApiCaller)] = caller;
        try
        {
            return await next(context);
        }
        catch (InputRejected rejected) { return ApiResults.Invalid(rejected.Errors); }
        catch (KeyNotFoundException missing) { return ApiResults.NotFound(missing.Message); }
        catch (FlowBusy busy) { return ApiResults.Busy(busy); }
    }

    private static bool IsCrossSite(HttpRequest request) =>
        request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
        && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask<object?> RequireTenant(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenant = http.Request.RouteValues["tenant"] as string ?? "";
        return CallerOf(http).Allows(tenant) ? await next(context) : ApiResults.Forbidden();
    }
}
