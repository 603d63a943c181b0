using Koppel.Portal.Auth;

namespace Koppel.Portal.Tests;

public sealed class LandingTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("/users", "/users")]
    [InlineData("/tenants/acme/log?flow=products", "/tenants/acme/log?flow=products")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    public void Support_goes_where_it_asked_when_that_is_on_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, Landing.For(isSupport: true, tenantSlug: null, returnUrl));

    [Theory]
    [InlineData(null, "/tenants/acme")]
    [InlineData("/tenants/acme/log", "/tenants/acme/log")]
    [InlineData("/tenants/acme?tab=runs", "/tenants/acme?tab=runs")]
    [InlineData("/tenants/acme-other", "/tenants/acme")]
    [InlineData("/tenants/beta/log", "/tenants/acme")]
    [InlineData("/users", "/tenants/acme")]
    public void A_customer_goes_only_to_pages_of_its_own_tenant(string? returnUrl, string expected) =>
        Assert.Equal(expected, Landing.For(isSupport: false, tenantSlug: "acme", returnUrl));
}
