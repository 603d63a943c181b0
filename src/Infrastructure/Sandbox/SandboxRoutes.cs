using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// Maps every registered emulator under /sandbox/{segment} behind the fault filter, plus a small control
/// API per emulator (faults, seed, reset) under /sandbox/{segment}/_sandbox, open to all-tenant API keys.
/// </summary>
public static class SandboxRoutes
{
    public static IEndpointRouteBuilder MapSandboxSystems(this IEndpointRouteBuilder app, Func<HttpContext, bool> isSupport)
    {
        var faults = app.ServiceProvider.GetRequiredService<SandboxFaults>();
        foreach (var system in app.ServiceProvider.GetServices<SandboxSystem>())
        {
            var root = app.MapGroup($"/sandbox/{system.Segment}").ExcludeFromDescription();
            MapControl(root.MapGroup("/_sandbox"), system, faults, isSupport);

            var api = root.MapGroup("");
            api.AddEndpointFilter(async (context, next) =>
            {
                var decision = faults.Next(system.Segment);
                if (decision.DelayMilliseconds > 0)
                    await Task.Delay(decision.DelayMilliseconds, context.HttpContext.RequestAborted);
                if (decision.ExpireTokens) system.Tokens.ExpireAll();
                return decision.Status switch
                {
                    429 => system.TooManyRequests(decision.RetryAfterSeconds, context.HttpContext),
                    500 => system.ServerError(context.HttpContext),
                    _ => await next(context),
                };
            });
            system.Map(api);
        }
        return app;
    }

    private static void MapControl(RouteGroupBuilder control, SandboxSystem system, SandboxFaults faults, Func<HttpContext, bool> isSupport)
    {
        control.AddEndpointFilter(async (context, next) =>
            isSupport(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        control.MapPut("/faults", (FaultPlan plan) => { faults.Plan(system.Segment, plan); return Results.Ok(plan); });
        control.MapGet("/faults", () => Results.Ok(faults.Current(system.Segment) ?? new FaultPlan()));
        control.MapDelete("/faults", () => { faults.Clear(system.Segment); return Results.NoContent(); });
        control.MapPost("/accounts/{account}/seed", (string account, int? size, int? seed) =>
        {
            system.Seed(account, size ?? 100, seed ?? 1);
            return Results.NoContent();
        });
        control.MapPost("/reset", () => { system.Reset(); faults.Clear(system.Segment); return Results.NoContent(); });
    }
}
