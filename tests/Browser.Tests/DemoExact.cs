using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;

namespace Koppel.Browser.Tests;

/// <summary>The running portal's demo tenant "demo-exact": runs its flows through the admin API and reads the Optiply emulator.</summary>
public static class DemoExact
{
    /// <summary>
    /// A full run, like the tenant page's "full resync": other tests may have synced the demo tenant already, and an
    /// incremental run reads only records changed in Exact, which a new mapping or option does not change.
    /// </summary>
    public static async Task<JsonObject> RunFullAsync(HttpClient http, string flow)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tenants/demo-exact/flows/{flow}/runs?mode=full&wait=true");
        request.Headers.Add("X-Api-Key", PortalServer.SupportApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Running the {flow} flow answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Reads Optiply records through the emulator's own API, as Optiply's customers would (first 100).</summary>
    public static async Task<List<JsonObject>> OptiplyListAsync(HttpClient http, string type, string query = "")
    {
        using var token = new HttpRequestMessage(HttpMethod.Post, "/sandbox/optiply/api/auth/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
            }),
        };
        token.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OptiplyDemoLogin.ClientId}:{OptiplyDemoLogin.ClientSecret}")));
        using var tokenResponse = await http.SendAsync(token);
        var accessToken = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())?["access_token"]?.ToString();
        Assert.False(string.IsNullOrEmpty(accessToken), $"The Optiply emulator gave no token ({(int)tokenResponse.StatusCode}).");

        using var list = new HttpRequestMessage(HttpMethod.Get, $"/sandbox/optiply/v1/{type}?page[limit]=100{(query.Length > 0 ? "&" + query : "")}");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        list.Content = new StringContent("", Encoding.UTF8);
        list.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.api+json");
        using var response = await http.SendAsync(list);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Listing Optiply {type} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["data"]!.AsArray().Select(p => p!.AsObject()).ToList();
    }
}
