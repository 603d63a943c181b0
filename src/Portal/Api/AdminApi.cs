using Koppel.Portal.Api.Binding;
using Koppel.Portal.Api.Audit;
using Koppel.Portal.Api.Errors;
using Koppel.Portal.Api.Fulfillable;
using Koppel.Portal.Api.Log;
using Koppel.Portal.Api.Mappings;
using Koppel.Portal.Api.Quota;
using Koppel.Portal.Api.Readiness;
using Koppel.Portal.Api.Reconciliation;
using Koppel.Portal.Api.Records;
using Koppel.Portal.Api.Runs;
using Koppel.Portal.Api.Tenants;

namespace Koppel.Portal.Api;

/// <summary>The admin HTTP API (/api/v1) for automation and support tooling. Calls the same services as the portal.</summary>
public static class AdminApi
{
    /// <summary>
    /// Builds the /api/v1 group and maps every endpoint group on it. A new group (webhook registrations, readiness
    /// checks, fulfillable orders, ...) is a folder here with one <c>Map&lt;Group&gt;Endpoints</c> file and one line
    /// below; its tenant routes hang on <see cref="ApiFilters.MapTenantGroup"/> so the tenant check comes with them.
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        // The API checks its own callers (RequireCaller), so the portal's sign-in redirect never answers a program.
        var api = app.MapGroup("/api/v1").AllowAnonymous().AddEndpointFilter(ApiFilters.RequireCaller).CheckContentTypeInBinding()
            // Every call may meet these (ApiFilters); the OpenAPI document says so once for all.
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapTenantsEndpoints();
        api.MapRunsEndpoints();
        api.MapRecordsEndpoints();
        api.MapLogEndpoints();
        api.MapMappingsEndpoints();
        api.MapAuditEndpoints();
        api.MapErrorEndpoints();
        api.MapReadinessEndpoints();
        api.MapFulfillableOrdersEndpoints();
        api.MapReconciliationEndpoints();
        api.MapQuotaEndpoints();
        return app;
    }
}
