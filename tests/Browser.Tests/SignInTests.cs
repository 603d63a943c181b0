using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

/// <summary>Signing in and out in a real browser: each role's landing page, wrong passwords, a customer kept to its tenant.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture portal)
{
    private const string CustomerPassword = "Customer-pass-1";

    private async Task<IBrowserContext> CustomerContextAsync(string slug, string email)
    {
        await portal.CreateTenantAsync(slug, $"Browser {slug}");
        await portal.CreateCustomerAsync(slug, email, CustomerPassword);
        var context = await portal.NewContextAsync();
        await portal.SignInAsync(context, email, CustomerPassword);
        return context;
    }

    [Fact]
    public async Task Support_signs_in_and_lands_on_the_dashboard()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var tab = new PortalPage(page);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex(@"/signin\?returnUrl=%2F$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("signin");
        await PortalFixture.FillSignInAsync(page, PortalServer.SupportEmail, PortalServer.SupportPassword, page.Url);

        await Expect(page).ToHaveURLAsync(new Regex(@"^http://[^/]+/$"));
        await tab.WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".koppel-user-email")).ToHaveTextAsync(PortalServer.SupportEmail);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_readable_error_and_stays_on_the_sign_in_page()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var tab = new PortalPage(page);

        await PortalFixture.FillSignInAsync(page, PortalServer.SupportEmail, "not-the-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(PortalServer.SupportEmail);
        await tab.ScreenshotAsync("signin-error");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_lands_on_its_own_tenant_page()
    {
        await portal.CreateTenantAsync("browser-landing", "Browser landing");
        await portal.CreateCustomerAsync("browser-landing", "anna@browser-landing.example", CustomerPassword);
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        // The response, not the rendered page: the tenant page is built separately and may not exist in this build yet.
        var landing = await page.RunAndWaitForResponseAsync(
            () => PortalFixture.FillSignInAsync(page, "anna@browser-landing.example", CustomerPassword),
            response => new Uri(response.Url).AbsolutePath.StartsWith("/tenants/", StringComparison.Ordinal));

        Assert.Equal("/tenants/browser-landing", new Uri(landing.Url).AbsolutePath);
        var home = await context.APIRequest.GetAsync("/", new() { MaxRedirects = 0 });
        Assert.Equal(302, home.Status);
        Assert.EndsWith("/tenants/browser-landing", home.Headers["location"]);
    }

    [Fact]
    public async Task A_customer_cannot_open_another_tenants_page_by_its_url()
    {
        await portal.CreateTenantAsync("browser-theirs", "Browser theirs");
        await using var context = await CustomerContextAsync("browser-mine", "bob@browser-mine.example");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/tenants/browser-theirs");

        Assert.Equal(403, response!.Status);
        await Expect(page).ToHaveURLAsync(new Regex("/access-denied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Browser theirs")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to your tenant" })).ToHaveAttributeAsync("href", "/tenants/browser-mine");
    }

    [Fact]
    public async Task A_customer_cannot_open_support_pages()
    {
        await using var context = await CustomerContextAsync("browser-nosupport", "carl@browser-nosupport.example");
        var page = await context.NewPageAsync();

        var users = await page.GotoAsync("/users");
        Assert.Equal(403, users!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();

        // A page without an access rule of its own (the circuit check) is support-only as well.
        await page.GotoAsync("/circuit");
        await new PortalPage(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#increment")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_customer_cookie_reaches_its_own_tenant_in_the_api_but_not_another()
    {
        await portal.CreateTenantAsync("browser-api-theirs", "Browser API theirs");
        await using var context = await CustomerContextAsync("browser-api-mine", "dora@browser-api-mine.example");

        var own = await context.APIRequest.GetAsync("/api/v1/tenants/browser-api-mine/runs");
        var other = await context.APIRequest.GetAsync("/api/v1/tenants/browser-api-theirs/runs");
        var settings = await context.APIRequest.GetAsync("/api/v1/tenants/browser-api-mine");

        Assert.Equal(200, own.Status);
        Assert.Equal(403, other.Status);
        Assert.Equal(403, settings.Status);
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_closes_the_portal()
    {
        // A customer of its own: signing out ends every session of the user (a new security stamp), and the other
        // tests share the support user's.
        await using var context = await CustomerContextAsync("browser-signout", "fay@browser-signout.example");
        var tab = await PortalFixture.OpenAsync(context, "/tenants/browser-signout");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(tab.Page).ToHaveURLAsync(new Regex("/signin"));
        await Expect(tab.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out.");
        await tab.Page.GotoAsync("/tenants/browser-signout");
        await Expect(tab.Page).ToHaveURLAsync(new Regex(@"/signin\?returnUrl=%2Ftenants%2Fbrowser-signout"));
        tab.AssertNoErrors();
    }
}
