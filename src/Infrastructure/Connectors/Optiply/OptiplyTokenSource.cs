using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>
/// Signs in to Optiply with the password grant and keeps the token until shortly before it expires.
/// Like Optiply's own integrations it signs in again rather than using the refresh token: that is the path
/// known to work, and a password grant is what a refused token needs anyway.
/// </summary>
public sealed class OptiplyTokenSource(OptiplyAccount account, HttpClient http, TimeProvider clock) : IAccessTokenSource
{
    // Optiply's integrations renew a token within 120 s of its expiry.
    private static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(120);
    private const int DefaultLifetimeSeconds = 3600;

    private readonly Lock _lock = new();
    private (string Token, DateTimeOffset RenewAt)? _current;
    private Task<(string, DateTimeOffset)>? _signingIn;

    public async Task<string> GetAsync(bool refresh, CancellationToken ct)
    {
        Task<(string, DateTimeOffset)> signIn;
        lock (_lock)
        {
            if (!refresh && _current is { } current && clock.GetUtcNow() < current.RenewAt) return current.Token;
            // Calls refused at the same moment share one sign-in instead of each starting their own.
            signIn = _signingIn ??= SignInAsync(ct);
        }
        try
        {
            var (token, renewAt) = await signIn;
            lock (_lock) _current = (token, renewAt);
            return token;
        }
        finally
        {
            lock (_lock) if (_signingIn == signIn) _signingIn = null;
        }
    }

    private async Task<(string, DateTimeOffset)> SignInAsync(CancellationToken ct)
    {
        await Task.Yield();
        using var request = new HttpRequestMessage(HttpMethod.Post, account.TokenUrl)
        {
            Content = new FormUrlEncodedContent([
                new("grant_type", "password"),
                new("username", account.Username),
                new("password", account.Password),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.ClientId}:{account.ClientSecret}")));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"Optiply's sign-in at {account.TokenUrl} could not be reached, even after several tries. Check the token URL on the tenant's Optiply connection; the run will be tried again later.", e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
                throw new RunStopped($"Optiply refused the credentials of this connection ({Describe(body)}). Check the client id, client secret, username and password on the tenant's Optiply connection.");
            if (!response.IsSuccessStatusCode)
                throw new RunStopped($"Optiply's sign-in answered {(int)response.StatusCode}, even after several tries. The run will be tried again later.");
            return Read(body);
        }
    }

    private (string, DateTimeOffset) Read(string body)
    {
        JsonNode? json = null;
        try { json = JsonNode.Parse(body); } catch (JsonException) { }
        if (json?["access_token"]?.GetValueKind() != JsonValueKind.String)
            throw new RunStopped("Optiply's sign-in answered without an access token. Check the token URL on the tenant's Optiply connection.");
        // Clients int() the lifetime; it may come as a number or as text.
        var seconds = json["expires_in"] is { } e && int.TryParse(e.ToString(), out var s) && s > 0 ? s : DefaultLifetimeSeconds;
        var lifetime = TimeSpan.FromSeconds(seconds);
        var margin = lifetime > RenewMargin * 4 ? RenewMargin : lifetime / 4;
        return (json["access_token"]!.GetValue<string>(), clock.GetUtcNow() + lifetime - margin);
    }

    private static string Describe(string body)
    {
        try
        {
            var json = JsonNode.Parse(body);
            if (json?["error_description"]?.ToString() is { Length: > 0 } description) return description;
            if (json?["error"]?.ToString() is { Length: > 0 } error) return error;
        }
        catch (JsonException) { }
        return body.Length > 200 ? body[..200] : body;
    }
}
