using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Koppel.Portal.Api.Binding;

/// <summary>
/// Answers the framework's request-binding failures (<see cref="BadHttpRequestException"/>, thrown because
/// <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on) with problem+json naming the field and the type it
/// expects, instead of the framework's empty 400. Only the admin API gets the body; other endpoints (emulators,
/// webhook intake) keep the bare status they always answered.
/// </summary>
internal sealed class BindingProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        http.Response.StatusCode = bad.StatusCode;
        if (!http.Request.Path.StartsWithSegments("/api")) return true;
        // The exception handler has cleared the request's endpoint; the feature keeps the one that failed.
        var problem = BindingProblem.Describe(bad, http.Features.Get<IExceptionHandlerFeature>()?.Endpoint);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}

/// <summary>Registers the binding-failure answers of the admin API.</summary>
public static class BindingProblemServices
{
    public static IServiceCollection AddBindingProblems(this IServiceCollection services)
    {
        // The framework reports a binding failure only as an exception when asked to; otherwise it answers an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingProblemHandler>();
        return services;
    }

    /// <summary>
    /// Leaves the body's content type to binding, which answers a wrong one with a 415 problem. Left to routing,
    /// a wrong content type selects the framework's bare 415 endpoint, which is not the API's and so falls to the
    /// portal's sign-in policy: a caller with a valid API key was told 401.
    /// </summary>
    public static RouteGroupBuilder CheckContentTypeInBinding(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>().ToList()) endpoint.Metadata.Remove(accepts);
        });
        return api;
    }
}
