using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests.Api;

/// <summary>Every way a request can fail to bind answers problem+json that names the field and what it expects.</summary>
public sealed class BindingProblemTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;

    public BindingProblemTests(ApiHost host) => _host = host;

    private HttpClient Support => _host.Client(ApiHost.SupportKey);

    private Task<HttpResponseMessage> PutJsonAsync(string path, string json, string mediaType = "application/json") =>
        Support.PutAsync(path, new StringContent(json, Encoding.UTF8, mediaType));

    private async Task CreateAsync(string slug) =>
        (await Support.PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = "Binding BV",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "binding-secret-0001" } },
        })).EnsureSuccessStatusCode();

    /// <summary>The one message for <paramref name="field"/>, after checking the answer is a 400 problem.</summary>
    private static async Task<string> ProblemAtAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"Expected an error at \"{field}\", got: {problem.ToJsonString()}");
        return (string)errors[field]![0]!;
    }

    [Fact]
    public async Task A_number_for_a_text_field_names_the_field_and_asks_for_text()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-name", """{"name":123}""");

        Assert.Equal("Expected text.", await ProblemAtAsync(response, "name"));
    }

    [Fact]
    public async Task Malformed_json_names_the_body_and_where_it_breaks()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-broken", """{"name": "Broken""");

        Assert.StartsWith("The body is not valid JSON", await ProblemAtAsync(response, "body"));
    }

    [Fact]
    public async Task An_empty_body_asks_for_a_json_body()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-empty", "");

        Assert.Equal("A JSON body is required.", await ProblemAtAsync(response, "body"));
    }

    [Fact]
    public async Task Text_for_a_flow_switch_asks_for_true_or_false()
    {
        await CreateAsync("binding-flow");

        var response = await Support.PatchAsync("/api/v1/tenants/binding-flow/flows/products",
            new StringContent("""{"enabled":"no"}""", Encoding.UTF8, "application/json"));

        Assert.Equal("Expected true or false.", await ProblemAtAsync(response, "enabled"));
    }

    [Fact]
    public async Task A_page_size_that_is_not_a_number_asks_for_a_whole_number()
    {
        await CreateAsync("binding-log");

        var response = await Support.GetAsync("/api/v1/tenants/binding-log/log?pageSize=abc");

        Assert.Equal("\"abc\" is not a whole number.", await ProblemAtAsync(response, "pageSize"));
    }

    [Fact]
    public async Task A_wait_that_is_not_a_boolean_asks_for_true_or_false()
    {
        await CreateAsync("binding-wait");

        var response = await Support.PostAsync("/api/v1/tenants/binding-wait/flows/products/runs?wait=maybe", null);

        Assert.Equal("\"maybe\" is not true or false.", await ProblemAtAsync(response, "wait"));
    }

    [Fact]
    public async Task A_connection_field_that_is_neither_text_nor_a_number_is_named_in_full()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-conn",
            """{"name":"Conn BV","integration":"test-shop","connections":{"shop":{"baseUrl":true}}}""");

        Assert.Equal("Expected text or a number.", await ProblemAtAsync(response, "connections.shop.baseUrl"));
    }

    [Fact]
    public async Task Division_account_and_coupling_ids_are_accepted_as_numbers_as_Exact_and_Optiply_type_them()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-numbers", """
            {
              "name": "Numbers BV",
              "integration": "exact-optiply",
              "connections": {
                "exactOnline": { "clientId": "app-1", "clientSecret": "exact-secret-0001", "refreshToken": "refresh-0001", "division": 3112456 },
                "optiply": { "clientId": "opt-1", "clientSecret": "optiply-secret-0001", "username": "api@shop.test", "password": "pass-0001",
                             "accountId": 42, "couplingId": 9001 }
              }
            }
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var connections = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["connections"]!;
        Assert.Equal("3112456", (string?)connections["exactOnline"]!["fields"]!["division"]);
        Assert.Equal("42", (string?)connections["optiply"]!["fields"]!["accountId"]);
        Assert.Equal("9001", (string?)connections["optiply"]!["fields"]!["couplingId"]);
    }

    [Fact]
    public async Task A_wrong_content_type_answers_415_with_a_problem()
    {
        var response = await PutJsonAsync("/api/v1/tenants/binding-type", "name=Plain", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/json", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]);
    }
}
