using System.Net;
using System.Net.Http.Json;
using Koppel.Infrastructure.Hosting;

namespace Koppel.Portal.Tests.Hosting;

/// <summary>
/// How the hub starts outside Development: it refuses the credentials shipped for development and bad settings with a
/// message naming the key, keeps the demo and the emulators off unless asked, and listens where ASPNETCORE_URLS says.
/// </summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("koppel-start-");

    private static Dictionary<string, string> Production(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Scheduler:Enabled"] = "false" };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Production_refuses_the_development_api_key_and_names_the_setting()
    {
        var (exitCode, output) = await ChildHub.RefusedAsync(_folder.FullName, Production(
            ("Admin:ApiKeys:1:Key", DevelopmentCredentials.ApiKey), ("Admin:ApiKeys:1:Tenant", "*")));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Admin:ApiKeys:1:Key is the development key", output);
    }

    [Fact]
    public async Task Production_refuses_the_development_support_password_and_names_the_setting()
    {
        var (exitCode, output) = await ChildHub.RefusedAsync(_folder.FullName, Production(
            ("Auth:InitialSupportUser:Email", "support@example.com"), ("Auth:InitialSupportUser:Password", DevelopmentCredentials.SupportPassword)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:InitialSupportUser:Password is the development password", output);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_certificate_for_the_key_ring()
    {
        var (exitCode, output) = await ChildHub.RefusedAsync(_folder.FullName, Production(("DataProtection:CertificateBase64", "")));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DataProtection:CertificatePath (a .pfx file) or DataProtection:CertificateBase64", output);
    }

    [Fact]
    public async Task A_short_api_key_or_a_bad_scheduler_value_stops_the_start_with_the_key_named()
    {
        var (exitCode, output) = await ChildHub.RefusedAsync(_folder.FullName, new Dictionary<string, string>
        {
            ["Admin:ApiKeys:1:Key"] = "too-short", ["Admin:ApiKeys:1:Tenant"] = "acme", ["Scheduler:PollSeconds"] = "0",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Admin:ApiKeys:1:Key must be at least 16 characters long", output);
        Assert.Contains("Scheduler:PollSeconds must be between 1 and 3600", output);
    }

    [Fact]
    public async Task Production_listens_where_ASPNETCORE_URLS_says_with_the_demo_and_the_emulators_off()
    {
        await using var hub = await ChildHub.StartAsync(_folder.FullName, Production(), urlsAsVariable: true);
        using var api = hub.Api();

        var live = await api.GetAsync("/health/live");
        var tenants = await api.GetStringAsync("/api/v1/tenants");
        // The emulators' control API answers an all-tenant key whenever the emulators are mapped; without them the
        // path is an unknown portal page, which sends the caller to sign in.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = hub.BaseUrl };
        noRedirects.DefaultRequestHeaders.Add("X-Api-Key", ChildHub.ApiKey);
        var sandbox = await noRedirects.PutAsJsonAsync("/sandbox/optiply/_sandbox/faults", new { });
        var developmentKey = await new HttpClient { BaseAddress = hub.BaseUrl, DefaultRequestHeaders = { { "X-Api-Key", DevelopmentCredentials.ApiKey } } }
            .GetAsync("/api/v1/tenants");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("[]", tenants);
        Assert.Equal(HttpStatusCode.Redirect, sandbox.StatusCode);
        Assert.StartsWith("/signin", sandbox.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, developmentKey.StatusCode);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_with_forwarded_headers_on_the_portal_sends_HSTS_and_secure_cookies()
    {
        await using var hub = await ChildHub.StartAsync(_folder.FullName, Production(("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = hub.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "koppel.example"; // HSTS is never sent for localhost

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        try { _folder.Delete(recursive: true); } catch (IOException) { /* a killed hub may still hold the file for a moment */ }
    }
}
