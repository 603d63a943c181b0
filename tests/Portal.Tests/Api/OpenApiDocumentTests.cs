using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>The admin API's OpenAPI document against the endpoints the hub really maps, and the README against both.</summary>
public sealed partial class OpenApiDocumentTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<JsonObject> DocumentAsync()
    {
        var answer = await host.Client(key: null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_document_lists_every_admin_endpoint_with_the_api_key_scheme_and_problem_answers()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: Template(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, e => Assert.True(paths[e.Path]?[e.Method] is not null, $"{e.Method.ToUpperInvariant()} {e.Path} is not in the document."));

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("X-Api-Key", (string?)scheme["name"]);
        Assert.Equal("header", (string?)scheme["in"]);
        // Every operation documents the refusals every caller may meet, as problem+json.
        foreach (var (path, item) in paths)
            foreach (var (method, operation) in item!.AsObject())
                Assert.True(operation!["responses"]?["401"]?["content"]?["application/problem+json"] is not null, $"{method} {path} has no problem+json 401.");
        Assert.NotNull(document["components"]!["schemas"]!["TenantInput"]!["examples"]![0]);
    }

    [Fact]
    public async Task Every_curl_example_in_the_readme_names_a_documented_operation_and_body_fields()
    {
        var document = await DocumentAsync();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));

        var examples = CurlExample().Matches(readme);
        Assert.True(examples.Count >= 3, "The README has fewer curl examples than expected.");
        var checkedBodies = 0;
        foreach (Match example in examples)
        {
            var method = example.Groups["method"].Success ? example.Groups["method"].Value.ToLowerInvariant() : "get";
            var path = example.Groups["path"].Value.Split('?')[0];
            var (template, operation) = FindOperation(document, path, method);
            Assert.True(operation is not null, $"README: {method.ToUpperInvariant()} {path} is not an operation of the API.");
            var options = example.Groups["options"];
            var bodyStart = options.Value.IndexOf(" -d '", StringComparison.Ordinal);
            if (bodyStart < 0) continue;

            // The body runs from -d ' to the next quote, over several lines.
            var from = options.Index + bodyStart + 5;
            var body = JsonNode.Parse(readme[from..readme.IndexOf('\'', from)])!.AsObject();
            checkedBodies++;
            var schema = Resolve(document, operation!["requestBody"]!["content"]!["application/json"]!["schema"]!);
            var properties = schema["properties"]!.AsObject();
            Assert.All(body, field => Assert.True(properties.ContainsKey(field.Key), $"README: {template} has no body field \"{field.Key}\"."));
        }
        Assert.True(checkedBodies >= 3, "Fewer request bodies were checked than the README has.");
    }

    [Fact]
    public async Task The_browsable_reference_answers_at_api()
    {
        var answer = await host.Client(key: null).GetAsync("/api");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("openapi/v1.json", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>"/api/v1/tenants/{tenant}/runs/{id:long}" as OpenAPI writes it: constraints and a trailing slash dropped.</summary>
    private static string Template(string route) => RouteConstraint().Replace(route, "}").TrimEnd('/');

    private static (string? Template, JsonNode? Operation) FindOperation(JsonObject document, string path, string method)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length == segments.Length && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
                return (template, item![method]);
        }
        return (null, null);
    }

    private static JsonObject Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject()
            : schema.AsObject();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Portal.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("The repository root (Portal.sln) was not found above the test folder.");
    }

    [GeneratedRegex(@"curl(?: -X (?<method>[A-Z]+))? (?:""|')?https?://[^/\s]+(?<path>/api/v1/[^\s""']*)(?:""|')?(?<options>[^\n]*)")]
    private static partial Regex CurlExample();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
