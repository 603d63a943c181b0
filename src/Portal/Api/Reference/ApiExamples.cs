using System.Text.Json.Nodes;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Koppel.Portal.Api.Reference;

/// <summary>Examples for the bodies a caller writes, so the reference shows a request that works.</summary>
internal static class ApiExamples
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(TenantInput)] = () => JsonNode.Parse("""
            {
              "name": "Acme BV",
              "integration": "exact-optiply",
              "connections": {
                "exactOnline": { "baseUrl": "https://start.exactonline.nl", "clientId": "…", "clientSecret": "…", "refreshToken": "…", "division": "1234567" },
                "optiply": { "clientId": "…", "clientSecret": "…", "username": "api@acme.example", "password": "…", "accountId": "1234", "couplingId": "56" }
              },
              "settings": { "warehouses": { "mode": "main" } }
            }
            """)!,
    };

    public static Task AddAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example)) schema.Examples = [example()];
        return Task.CompletedTask;
    }
}
