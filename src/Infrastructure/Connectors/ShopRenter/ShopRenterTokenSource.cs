using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ShopRenter;

/// <summary>
/// ShopRenter's client-credentials grant (a JSON body). There is no refresh token: a new token is requested when
/// the old one is about to expire or was refused, and shared by every call of the connection meanwhile.
/// </summary>
public sealed class ShopRenterTokenSource(ShopRenterAccount account, HttpClient http, TimeProvider clock) : IAccessTokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public int Requests { get; private set; }

    public async Task<string> GetAsync(bool refresh, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!refresh && _current is { } current && clock.GetUtcNow() < current.RenewAt) return current.Token;
            _current = await RequestAsync(ct);
            return _current.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken ct)
    {
        Requests++;
        var body = new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = account.ClientId, ["client_secret"] = account.ClientSecret };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(account.TokenUrl, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"ShopRenter's sign-in at {account.TokenUrl} could not be reached, even after several tries. The run will be tried again later.", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try { json = JsonNode.Parse(text); } catch (JsonException) { }
            if (!response.IsSuccessStatusCode)
                throw new RunStopped($"ShopRenter refused the API client of {account} ({json?["error_description"] ?? json?["error"] ?? (int)response.StatusCode}). Check the client id and secret on the webshop's connection.");
            if (json?["access_token"]?.GetValueKind() != JsonValueKind.String)
                throw new RunStopped($"ShopRenter's sign-in for {account} answered without an access token. Check the token address on the webshop's connection.");
            var seconds = int.TryParse(json["expires_in"]?.ToString(), out var s) && s > 0 ? s : 3600;
            // Renew a minute early so a token never expires between the check and the call.
            return (json["access_token"]!.GetValue<string>(), clock.GetUtcNow().AddSeconds(Math.Max(seconds / 2, seconds - 60)));
        }
    }
}
