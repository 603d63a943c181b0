namespace Koppel.Portal.Api;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app) => app;
}
