using System.Net;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

public sealed class ExactTokenTests
{
    [Fact]
    public async Task A_refresh_stores_the_rotated_refresh_token_before_the_new_access_token_is_used()
    {
        await using var exact = await ExactHub.StartAsync(items: 5);
        var client = ExactOnlineClient.Create(exact.Context());

        await client.AllAsync(client.Url("inventory/Warehouses", ["ID", "Code"]), CancellationToken.None);

        var saved = Assert.Single(exact.Saved);
        Assert.Equal((ExactOnlineConnection.System, "refreshToken"), (saved.System, saved.Name));
        Assert.NotEqual(exact.InitialRefreshToken, saved.Value);
        Assert.Equal(client.Tokens!.RefreshToken, saved.Value);
        Assert.Equal(0, saved.ApiCallsBefore);
    }

    [Fact]
    public async Task The_replaced_refresh_token_is_refused_afterwards()
    {
        await using var exact = await ExactHub.StartAsync();
        var client = ExactOnlineClient.Create(exact.Context());
        await client.Tokens!.GetAsync(refresh: false, CancellationToken.None);

        exact.Clock.Advance(TimeSpan.FromMinutes(11));
        using var answer = await PostRefreshAsync(exact, exact.InitialRefreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("invalid_grant", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task An_access_token_is_reused_until_it_nears_expiry()
    {
        await using var exact = await ExactHub.StartAsync();
        var tokens = ExactOnlineClient.Create(exact.Context()).Tokens!;

        var first = await tokens.GetAsync(refresh: false, CancellationToken.None);
        exact.Clock.Advance(TimeSpan.FromSeconds(560));
        var later = await tokens.GetAsync(refresh: false, CancellationToken.None);
        exact.Clock.Advance(TimeSpan.FromSeconds(15));
        var renewed = await tokens.GetAsync(refresh: false, CancellationToken.None);

        Assert.Equal(first, later);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, tokens.Refreshes);
    }

    [Fact]
    public async Task A_second_run_of_the_same_connection_reuses_the_access_token_instead_of_refreshing_too_early()
    {
        await using var exact = await ExactHub.StartAsync();
        var firstRun = ExactOnlineClient.Create(exact.Context()).Tokens!;
        var token = await firstRun.GetAsync(refresh: false, CancellationToken.None);

        exact.Clock.Advance(TimeSpan.FromMinutes(2));
        // The second run was handed the refresh token that was stored when the run started: the one just spent.
        var secondRun = ExactOnlineClient.Create(exact.Context(exact.InitialRefreshToken)).Tokens!;

        Assert.Equal(token, await secondRun.GetAsync(refresh: false, CancellationToken.None));
        Assert.Equal(0, secondRun.Refreshes);
    }

    [Fact]
    public async Task The_emulator_refuses_a_second_refresh_within_570_seconds_as_Exact_does()
    {
        await using var exact = await ExactHub.StartAsync();
        using var first = await PostRefreshAsync(exact, exact.InitialRefreshToken);
        var rotated = (string)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["refresh_token"]!;

        exact.Clock.Advance(TimeSpan.FromSeconds(300));
        using var second = await PostRefreshAsync(exact, rotated);
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("access_denied", (string?)body["error"]);
        Assert.Equal("Rate limit exceeded: access_token not expired", (string?)body["error_description"]);
        Assert.StartsWith("TooEarlyToRefreshTokens", second.Headers.GetValues("Reason").Single());
    }

    [Fact]
    public async Task The_token_answer_carries_expires_in_as_a_string_of_600_seconds()
    {
        await using var exact = await ExactHub.StartAsync();
        using var answer = await PostRefreshAsync(exact, exact.InitialRefreshToken);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;

        Assert.Equal("600", body["expires_in"]!.GetValue<string>());
        Assert.Equal("bearer", (string?)body["token_type"]);
    }

    [Fact]
    public async Task An_access_token_older_than_600_seconds_is_refused_with_401()
    {
        await using var exact = await ExactHub.StartAsync();
        using var answer = await PostRefreshAsync(exact, exact.InitialRefreshToken);
        var access = (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["access_token"]!;

        exact.Clock.Advance(TimeSpan.FromSeconds(601));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{exact.BaseUrl}/api/v1/{ExactHub.Division}/inventory/Warehouses");
        request.Headers.Authorization = new("Bearer", access);
        using var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_refused_refresh_token_stops_the_run_asking_to_reconnect()
    {
        await using var exact = await ExactHub.StartAsync();
        await exact.ReconnectAsync("a-refresh-token-exact-never-issued");
        var client = ExactOnlineClient.Create(exact.Context());

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => client.Tokens!.GetAsync(refresh: false, CancellationToken.None));

        Assert.Contains("Exact Online no longer accepts the connection; reconnect it", stopped.Message);
    }

    [Fact]
    public async Task A_refresh_token_stored_before_a_restart_can_be_registered_again_in_the_emulator()
    {
        await using var exact = await ExactHub.StartAsync();
        exact.Exact.Reset();
        exact.Exact.Connect(ExactHub.Division, exact.ClientId, ExactHub.ClientSecret, exact.InitialRefreshToken);

        var token = await ExactOnlineClient.Create(exact.Context()).Tokens!.GetAsync(refresh: false, CancellationToken.None);

        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task The_connection_test_names_the_user_and_the_division()
    {
        await using var exact = await ExactHub.StartAsync();
        var connection = exact.Context().Connection(ExactOnlineConnection.System);

        var sentence = await ExactOnlineConnection.Schema.Test!(connection, exact.Hub.Get<Koppel.Infrastructure.Http.ConnectorHttp>(), CancellationToken.None);

        Assert.Contains($"division {ExactHub.Division}", sentence);
        Assert.Contains("Sandbox administratie", sentence);
    }

    private static async Task<HttpResponseMessage> PostRefreshAsync(ExactHub exact, string refreshToken)
    {
        using var http = new HttpClient();
        return await http.PostAsync($"{exact.BaseUrl}/api/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = exact.ClientId,
            ["client_secret"] = ExactHub.ClientSecret,
        }));
    }
}
