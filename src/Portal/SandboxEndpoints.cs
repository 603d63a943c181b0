namespace Koppel.Portal;

public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxes(this IEndpointRouteBuilder app) => app;
}
