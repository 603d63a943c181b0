using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests;

/// <summary>Saving a mapping through the API checks each rule against the target field's type and range.</summary>
public sealed class MappingTypeApiTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;

    public MappingTypeApiTests(ApiHost host) => _host = host;

    private async Task<HttpClient> ExactOptiplyTenantAsync(string slug)
    {
        var client = _host.Client(ApiHost.SupportKey);
        var body = new
        {
            name = "Typed BV",
            integration = "exact-optiply",
            connections = new
            {
                exactOnline = new { baseUrl = "https://start.exactonline.nl", clientId = "c", clientSecret = "s", refreshToken = "r", division = "1" },
                optiply = new { clientId = "c", clientSecret = "s", username = "u@example.com", password = "p", accountId = "1" },
            },
        };
        (await client.PutAsJsonAsync($"/api/v1/tenants/{slug}", body)).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<JsonObject> SuppliersMappingWithDeliveryTime(HttpClient client, string slug, JsonNode? value)
    {
        var mapping = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{slug}/mappings/suppliers"))!["mapping"]!.AsObject();
        var field = mapping["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["target"]! == "deliveryTime");
        field["enabled"] = true;
        field["rule"] = new JsonObject { ["kind"] = "constant", ["value"] = value };
        return mapping;
    }

    [Fact]
    public async Task A_fixed_text_for_delivery_time_is_refused_with_the_message_at_the_rule()
    {
        var client = await ExactOptiplyTenantAsync("typed-one");
        var mapping = await SuppliersMappingWithDeliveryTime(client, "typed-one", "soon");
        var index = mapping["fields"]!.AsArray().Select(f => (string)f!["target"]!).ToList().IndexOf("deliveryTime");

        var response = await client.PutAsJsonAsync("/api/v1/tenants/typed-one/mappings/suppliers", mapping);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (string)problem!["errors"]![$"fields[{index}].rule"]![0]!;
        Assert.Contains("takes a number (1-365)", message);
        Assert.Equal(0, (int)(await client.GetFromJsonAsync<JsonObject>("/api/v1/tenants/typed-one/mappings/suppliers"))!["version"]!);
    }

    [Fact]
    public async Task A_delivery_time_outside_1_to_365_is_refused_and_one_inside_is_saved()
    {
        var client = await ExactOptiplyTenantAsync("typed-two");

        var outside = await client.PutAsJsonAsync("/api/v1/tenants/typed-two/mappings/suppliers", await SuppliersMappingWithDeliveryTime(client, "typed-two", 400));
        var inside = await client.PutAsJsonAsync("/api/v1/tenants/typed-two/mappings/suppliers", await SuppliersMappingWithDeliveryTime(client, "typed-two", 14));

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("400 is outside that range", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }
}
