using System.Net;
using System.Text.RegularExpressions;

namespace Koppel.Portal.Tests;

/// <summary>
/// A browser-like HTTP client for the portal: keeps cookies, follows no redirects, and signs in through the real
/// sign-in form (antiforgery token included), so API calls carry the portal's cookie and nothing else.
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly CookieContainer _cookies = new();
    private readonly Uri _address;

    private PortalSession(Uri address)
    {
        _address = address;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    public HttpClient Http => _http;

    /// <summary>The cookies as a browser would send them, e.g. to replay them from elsewhere.</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_address);

    public static PortalSession Anonymous(ApiHost host) => new(host.Address);

    /// <summary>A session on another host's address (a host made for one test).</summary>
    public static PortalSession Anonymous(Uri address) => new(address);

    public static async Task<PortalSession> SignInAsync(ApiHost host, string email, string password)
    {
        var session = new PortalSession(host.Address);
        var response = await session.PostSignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Posts the sign-in form like a browser would after loading it.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string email, string password, string? returnUrl = null)
    {
        var form = await _http.GetStringAsync("/signin");
        var token = TokenField().Match(form);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        var path = returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await _http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Signs out through the header's form (which carries the antiforgery token of a rendered page).</summary>
    public async Task SignOutAsync()
    {
        // Any rendered page has the form; the access-denied page is the cheapest (it answers 403, with the header).
        var page = await (await _http.GetAsync("/access-denied")).Content.ReadAsStringAsync();
        var token = TokenField().Match(page);
        var response = await _http.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
