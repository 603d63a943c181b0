using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Koppel.Portal.Api.Reference;

/// <summary>
/// The admin API's OpenAPI document (/openapi/v1.json), generated from the endpoints and their typed results, and
/// a browsable reference at /api. Both are public: they describe the API, they hold no tenant's data.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddAdminApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the admin API: the portal's pages, sign-in forms, webhooks and sandboxes are not part of it.
            options.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Koppel admin API";
                document.Info.Description =
                    "Tenants, their connections, settings, flows, runs, sync log and field mappings. Every call carries an " +
                    "X-Api-Key header; a key reaches every tenant or one. Errors are problem+json naming the field and the reason.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.Header,
                    Description = "An admin API key from the Admin:ApiKeys setting.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(ApiExamples.AddAsync);
        });

    public static IEndpointRouteBuilder MapAdminApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api", options => options
                .WithTitle("Koppel admin API")
                .AddPreferredSecuritySchemes(ApiKeyScheme))
            .AllowAnonymous();
        return app;
    }
}
