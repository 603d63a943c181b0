using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>The admin API called with the portal's sign-in cookie instead of an API key: same tenant rules, fewer rights for customers.</summary>
public sealed class PortalCookieApiTests : IClassFixture<ApiHost>
{
    private const string CustomerPassword = "Customer-pass-1";
    private readonly ApiHost _host;

    public PortalCookieApiTests(ApiHost host) => _host = host;

    private async Task TenantAsync(string slug)
    {
        var response = await _host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"Cookie {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "cookie-test-secret-31415" } },
            settings = new { pageSize = 5 },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<PortalSession> CustomerOfAsync(string slug)
    {
        await TenantAsync(slug);
        var email = $"user@{slug}.example";
        await _host.Services.GetRequiredService<CustomerUsers>().CreateAsync(slug, email, CustomerPassword, CancellationToken.None);
        return await PortalSession.SignInAsync(_host, email, CustomerPassword);
    }

    [Fact]
    public async Task An_anonymous_call_gets_401_problem_details_not_the_sign_in_page()
    {
        await TenantAsync("cookie-anon");
        using var anonymous = PortalSession.Anonymous(_host);

        var response = await anonymous.Http.GetAsync("/api/v1/tenants/cookie-anon/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sign in", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!);
    }

    [Fact]
    public async Task An_unknown_api_path_without_credentials_gets_401_not_a_redirect()
    {
        using var anonymous = PortalSession.Anonymous(_host);

        var response = await anonymous.Http.GetAsync("/api/v2/whatever");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_customer_gets_403_on_another_tenants_runs_log_and_resync()
    {
        await TenantAsync("cookie-other");
        using var customer = await CustomerOfAsync("cookie-own");

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/cookie-other/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/cookie-other/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.PostAsync("/api/v1/tenants/cookie-other/flows/products/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/cookie-other")).StatusCode);
    }

    [Fact]
    public async Task A_customer_reads_runs_and_log_of_its_own_tenant_and_starts_a_run()
    {
        _host.Shop.Seed("shop", 3, 1);
        using var customer = await CustomerOfAsync("cookie-reader");

        var run = await customer.Http.PostAsync("/api/v1/tenants/cookie-reader/flows/products/runs?wait=true", null);
        var runs = await customer.Http.GetFromJsonAsync<JsonArray>("/api/v1/tenants/cookie-reader/runs");
        var log = await customer.Http.GetAsync("/api/v1/tenants/cookie-reader/log");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Single(runs!);
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
    }

    [Fact]
    public async Task A_customer_may_not_start_a_full_resync()
    {
        using var customer = await CustomerOfAsync("cookie-full");

        var response = await customer.Http.PostAsync("/api/v1/tenants/cookie-full/flows/products/runs?mode=full", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ask support", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!);
    }

    [Fact]
    public async Task A_customer_may_not_read_or_change_settings_connections_or_mappings_even_of_its_own_tenant()
    {
        using var customer = await CustomerOfAsync("cookie-limited");

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/cookie-limited")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/cookie-limited/mappings/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.PutAsJsonAsync("/api/v1/tenants/cookie-limited", new { name = "Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.PatchAsJsonAsync("/api/v1/tenants/cookie-limited/flows/products", new { enabled = false })).StatusCode);
    }

    [Fact]
    public async Task Support_staff_reach_every_tenant_with_the_cookie()
    {
        await TenantAsync("cookie-s1");
        await TenantAsync("cookie-s2");
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);

        var list = await support.Http.GetFromJsonAsync<JsonArray>("/api/v1/tenants");
        var mapping = await support.Http.GetAsync("/api/v1/tenants/cookie-s2/mappings/products");

        Assert.Contains("cookie-s1", list!.Select(t => (string)t!["slug"]!));
        Assert.Contains("cookie-s2", list!.Select(t => (string)t!["slug"]!));
        Assert.Equal(HttpStatusCode.OK, mapping.StatusCode);
    }

    [Fact]
    public async Task A_cookie_call_sent_from_another_site_is_refused()
    {
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants");
        request.Headers.Add("Origin", "https://attacker.example");

        var response = await support.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_even_with_a_valid_cookie()
    {
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants");
        request.Headers.Add("X-Api-Key", "not-a-configured-key-000000");

        Assert.Equal(HttpStatusCode.Unauthorized, (await support.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task After_signing_out_the_cookie_no_longer_reaches_the_api()
    {
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);
        Assert.Equal(HttpStatusCode.OK, (await support.Http.GetAsync("/api/v1/tenants")).StatusCode);

        await support.SignOutAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await support.Http.GetAsync("/api/v1/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_stops_working_when_its_user_signs_out()
    {
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);
        using var copy = new HttpClient { BaseAddress = _host.Address };
        copy.DefaultRequestHeaders.Add("Cookie", support.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/tenants")).StatusCode);

        await support.SignOutAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_sign_out_without_the_forms_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        using var support = await PortalSession.SignInAsync(_host, ApiHost.SupportEmail, ApiHost.SupportPassword);

        var response = await support.Http.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await support.Http.GetAsync("/api/v1/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_removed_customer_cannot_sign_in_any_more()
    {
        await TenantAsync("cookie-gone");
        var users = _host.Services.GetRequiredService<CustomerUsers>();
        var user = await users.CreateAsync("cookie-gone", "leaver@cookie-gone.example", CustomerPassword, CancellationToken.None);

        Assert.True(await users.RemoveAsync("cookie-gone", user.Id, CancellationToken.None));
        using var session = PortalSession.Anonymous(_host);
        var response = await session.PostSignInAsync("leaver@cookie-gone.example", CustomerPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync());
    }
}
