using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>The emulator's token endpoint accepts every variant Optiply's clients use.</summary>
public sealed class OptiplyTokenEndpointTests
{
    [Fact]
    public async Task The_token_endpoint_takes_grant_type_in_the_query_and_client_credentials_in_the_form()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync($"{optiply.TokenUrl}?grant_type=password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = OptiplyDemoLogin.ClientId, ["client_secret"] = OptiplyDemoLogin.ClientSecret,
            ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
        }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.IsSuccessStatusCode);
        Assert.NotNull((string?)body["access_token"]);
        Assert.NotNull((string?)body["refresh_token"]);
        Assert.Equal(3600, (int?)body["expires_in"]);
    }

    [Fact]
    public async Task A_refresh_token_grant_issues_a_new_access_token()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        using var http = new HttpClient();
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OptiplyHub.ClientId}:{OptiplyHub.ClientSecret}")));
        async Task<JsonNode> GrantAsync(Dictionary<string, string> form)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, optiply.TokenUrl) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = basic;
            using var response = await http.SendAsync(request);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        var first = await GrantAsync(new() { ["grant_type"] = "password", ["username"] = OptiplyHub.Username, ["password"] = OptiplyHub.Password });

        var second = await GrantAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = (string)first["refresh_token"]! });

        Assert.NotEqual((string?)first["access_token"], (string?)second["access_token"]);
        Assert.NotNull((string?)second["access_token"]);
    }
}
