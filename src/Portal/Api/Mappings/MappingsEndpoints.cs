using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Mappings;

/// <summary>A flow's field mapping of a tenant: read it, save a new version.</summary>
public static class MappingsEndpoints
{
    public static RouteGroupBuilder MapMappingsEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        // A mapping is written in its own JSON dialect (rule trees), so the document shows it as a JSON object.
        tenant.MapGet("/mappings/{flow}", GetAsync).Produces<JsonObject>(StatusCodes.Status200OK);
        tenant.MapPut("/mappings/{flow}", PutAsync).Accepts<JsonObject>("application/json").Produces<JsonObject>(StatusCodes.Status200OK)
            .WithDescription("Saves a new version of the flow's mapping: the body is the mapping as GET returns it (or its \"mapping\" part).");
        return api;
    }

    private static async Task<JsonHttpResult<MappingView>> GetAsync(string tenant, string flow, MappingService mappings, CancellationToken ct) =>
        TypedResults.Json(await mappings.GetAsync(tenant, flow, ct), MappingJson.Options);

    /// <summary>The body is read by hand because a mapping is a rule tree in its own JSON dialect (<see cref="MappingJson"/>).</summary>
    private static async Task<Results<JsonHttpResult<MappingView>, ValidationProblem>> PutAsync(
        string tenant, string flow, HttpContext http, MappingService mappings, CancellationToken ct)
    {
        FieldMapping mapping;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
            // Accept the GET shape back ({ "mapping": {...} }) as well as the bare mapping.
            var node = body?["mapping"] ?? body;
            mapping = MappingJson.Deserialize(node?.ToJsonString() ?? "null");
        }
        catch (Exception e) when (e is MappingFormatException or JsonException)
        {
            var field = e is MappingFormatException m ? m.JsonPath ?? "mapping" : "mapping";
            return ApiResults.Invalid([new InputError(field, e.Message)]);
        }
        var saved = await mappings.SaveAsync(tenant, flow, mapping, ApiFilters.CallerOf(http).Actor, http.Request.Query["comment"], ct);
        return TypedResults.Json(saved, MappingJson.Options);
    }
}
