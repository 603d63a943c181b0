namespace Koppel.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class UsersTests(PortalFixture portal)
{
    [Fact]
    public async Task Support_adds_a_customer_user_who_can_then_sign_in()
    {
        await portal.CreateTenantAsync("users-page", "Users Page BV");
        var tab = await portal.OpenAsync("/users?tenant=users-page");
        var page = tab.Page;
        await Expect(page.Locator("#users-empty")).ToBeVisibleAsync();

        await page.GetByLabel("Email").FillAsync("erin@users-page.example");
        await page.GetByLabel("Initial password").FillAsync("Erin-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(page.Locator("#users-message")).ToContainTextAsync("erin@users-page.example can now sign in to Users Page BV");
        await Expect(page.Locator("#users-grid").GetByText("erin@users-page.example")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("users");
        await using var customer = await portal.NewContextAsync();
        await portal.SignInAsync(customer, "erin@users-page.example", "Erin-pass-1");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_bad_email_and_a_weak_password_are_named_next_to_their_fields()
    {
        await portal.CreateTenantAsync("users-invalid", "Users Invalid BV");
        var tab = await portal.OpenAsync("/users?tenant=users-invalid");
        var page = tab.Page;

        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Initial password").FillAsync("x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(page.GetByText("Enter a valid email address")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Removing_a_user_asks_once_more_and_then_takes_the_user_away()
    {
        await portal.CreateTenantAsync("users-remove", "Users Remove BV");
        await portal.CreateCustomerAsync("users-remove", "frank@users-remove.example", "Frank-pass-1");
        var tab = await portal.OpenAsync("/users?tenant=users-remove");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove frank@users-remove.example" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm removing frank@users-remove.example" }).ClickAsync();

        await Expect(page.Locator("#users-message")).ToContainTextAsync("frank@users-remove.example was removed");
        await Expect(page.Locator("#users-empty")).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }
}
