namespace Koppel.Portal;

public static class BlazorScript
{
    public static IEndpointRouteBuilder MapBlazorScript(this IEndpointRouteBuilder app) => app;
}
