using System.Net;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>The sign-in form over plain HTTP: where each role lands, wrong passwords, lockout, open redirects.</summary>
public sealed class SignInTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;

    public SignInTests(ApiHost host) => _host = host;

    private async Task<string> CustomerAsync(string slug, string password)
    {
        (await _host.Client(ApiHost.SupportKey).PutAsync($"/api/v1/tenants/{slug}", System.Net.Http.Json.JsonContent.Create(new
        {
            name = $"Sign-in {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "sign-in-test-secret-2718" } },
        }))).EnsureSuccessStatusCode();
        var email = $"someone@{slug}.example";
        await _host.Services.GetRequiredService<CustomerUsers>().CreateAsync(slug, email, password, CancellationToken.None);
        return email;
    }

    /// <summary>The redirect's target, checked to be on the portal itself.</summary>
    private string LandedOn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(_host.Address, response.Headers.Location!);
        Assert.Equal(_host.Address.Authority, target.Authority);
        return target.PathAndQuery;
    }

    [Fact]
    public async Task Every_page_sends_an_anonymous_visitor_to_the_sign_in_page()
    {
        using var anonymous = PortalSession.Anonymous(_host);

        var response = await anonymous.Http.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fusers", response.Headers.Location.Query);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        using var session = PortalSession.Anonymous(_host);

        var response = await session.PostSignInAsync(ApiHost.SupportEmail, ApiHost.SupportPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Koppel.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Support_lands_on_the_page_it_asked_for()
    {
        using var session = PortalSession.Anonymous(_host);

        var response = await session.PostSignInAsync(ApiHost.SupportEmail, ApiHost.SupportPassword, returnUrl: "/users");

        Assert.Equal("/users", LandedOn(response));
    }

    [Fact]
    public async Task A_customer_lands_on_its_own_tenant_even_when_another_page_was_asked_for()
    {
        var email = await CustomerAsync("landing", "Landing-pass-1");
        using var session = PortalSession.Anonymous(_host);

        var response = await session.PostSignInAsync(email, "Landing-pass-1", returnUrl: "/tenants/someone-else");

        Assert.Equal("/tenants/landing", LandedOn(response));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var session = PortalSession.Anonymous(_host);

        var response = await session.PostSignInAsync(ApiHost.SupportEmail, ApiHost.SupportPassword, returnUrl: "//evil.example/phish");

        Assert.Equal("/", LandedOn(response));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_readable_error_and_sets_no_cookie()
    {
        using var session = PortalSession.Anonymous(_host);

        var response = await session.PostSignInAsync(ApiHost.SupportEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("Koppel.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_passwords_never_lock_an_account_but_the_address_that_sent_them_waits_whatever_account_it_tries()
    {
        await using var host = ApiHost.With(new Dictionary<string, string> { ["Auth:SignInThrottle:FailuresPerAddress"] = "3" });
        using var session = PortalSession.Anonymous(host.Address);
        for (var i = 0; i < 3; i++)
        {
            var wrong = await session.PostSignInAsync(ApiHost.SupportEmail, "wrong-" + i);
            Assert.Contains("The email or password is not right.", await wrong.Content.ReadAsStringAsync());
        }

        var throttled = await session.PostSignInAsync(ApiHost.SupportEmail, ApiHost.SupportPassword);
        var unknown = await session.PostSignInAsync("nobody@example.com", "whatever-1");

        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        var text = await throttled.Content.ReadAsStringAsync();
        Assert.Contains("Too many failed sign-ins from your network", text);
        Assert.DoesNotContain("locked", text);
        Assert.Contains("Too many failed sign-ins from your network", await unknown.Content.ReadAsStringAsync());
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Koppel.Infrastructure.Persistence.KoppelUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByEmailAsync(ApiHost.SupportEmail))!));
    }

    [Fact]
    public async Task A_customer_opening_another_tenants_page_is_denied()
    {
        var email = await CustomerAsync("denied", "Denied-pass-1");
        using var customer = await PortalSession.SignInAsync(_host, email, "Denied-pass-1");

        var usersPage = await customer.Http.GetAsync("/users");
        var deniedPage = await customer.Http.GetAsync(usersPage.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, usersPage.StatusCode);
        Assert.Equal("/access-denied", usersPage.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
        Assert.Contains("Access denied", await deniedPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_customer_is_kept_out_of_any_address_under_another_tenant_even_without_a_page_there()
    {
        var email = await CustomerAsync("path-own", "Path-pass-1");
        await CustomerAsync("path-other", "Path-pass-2");
        using var customer = await PortalSession.SignInAsync(_host, email, "Path-pass-1");

        var other = await customer.Http.GetAsync("/tenants/path-other/anything");
        var own = await customer.Http.GetAsync("/tenants/path-own/anything");

        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/access-denied", other.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.Redirect, own.StatusCode);
    }
}
