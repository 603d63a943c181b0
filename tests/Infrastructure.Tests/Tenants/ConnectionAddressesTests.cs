using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Koppel.Infrastructure.Tests.Tenants;

/// <summary>Plain http only where nothing crosses an open network; everything else must be https.</summary>
public sealed class ConnectionAddressesTests
{
    private static ConnectionAddresses In(string environment) => new(
        new HostingEnvironment { EnvironmentName = environment },
        new SandboxAddress(new SandboxOptions { BaseUrl = "http://hub.internal:8080" }, new ConfigurationBuilder().Build()));

    [Theory]
    [InlineData("https://start.exactonline.nl")]
    [InlineData("http://127.0.0.1:5080/sandbox/optiply")]
    [InlineData("http://localhost:5080/sandbox/optiply")]
    [InlineData("http://hub.internal:8080/sandbox/exact-online")]
    public void Outside_development_https_loopback_and_the_sandboxes_are_accepted(string url) =>
        Assert.Null(In("Production").Problem(url));

    [Theory]
    [InlineData("http://start.exactonline.nl")]
    [InlineData("http://hub.internal:9090/sandbox/exact-online")]
    public void Outside_development_plain_http_to_another_host_is_refused(string url) =>
        Assert.Contains("Only https", In("Production").Problem(url));

    [Fact]
    public void Development_accepts_plain_http_anywhere() =>
        Assert.Null(In("Development").Problem("http://start.exactonline.nl"));

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("not an address")]
    public void Anything_but_an_absolute_http_address_is_refused_everywhere(string url) =>
        Assert.Contains("absolute http or https", In("Development").Problem(url));
}
