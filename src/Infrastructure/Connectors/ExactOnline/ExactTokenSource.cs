using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Exact Online access tokens for one connection. A refresh rotates the refresh token: the new one is stored
/// durably before the access token is used (a crash in between would otherwise disconnect the customer).
/// The access token is reused until 30 s before it expires, which is also the earliest moment Exact accepts
/// a refresh (570 s after the last one); only a 401 forces an earlier attempt.
/// </summary>
public sealed class ExactTokenSource : IAccessTokenSource
{
    /// <summary>Exact refuses a refresh within 570 s of the previous one; access tokens live 600 s.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _tokenUrl;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly Func<string, CancellationToken, Task>? _saveRefreshToken;
    private readonly TimeProvider _clock;
    private readonly ExactTokenCache.Entry _entry;
    private string _refreshToken;
    private string? _given;

    /// <param name="http">A client without credentials (the token endpoint takes the client secret in the form).</param>
    /// <param name="saveRefreshToken">Stores a rotated refresh token durably; null only where nothing can be stored (then the
    /// token is kept in memory and the next run stores it).</param>
    public ExactTokenSource(HttpClient http, string baseUrl, string division, string clientId, string clientSecret, string refreshToken,
        Func<string, CancellationToken, Task>? saveRefreshToken, TimeProvider clock)
    {
        _http = http;
        _tokenUrl = new Uri(baseUrl.TrimEnd('/') + "/api/oauth2/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _refreshToken = refreshToken;
        _saveRefreshToken = saveRefreshToken;
        _clock = clock;
        _entry = ExactTokenCache.For(baseUrl, clientId, division);
    }

    /// <summary>Token calls made by this source (tests and logs).</summary>
    public int Refreshes { get; private set; }

    /// <summary>The refresh token this source would present next.</summary>
    public string RefreshToken => _refreshToken;

    public async Task<string> GetAsync(bool refresh, CancellationToken ct)
    {
        await _entry.Gate.WaitAsync(ct);
        try
        {
            if (await AdoptNewestAsync(ct) && _entry.AccessToken is { } token)
            {
                var now = _clock.GetUtcNow();
                if (!refresh && now < _entry.ExpiresAt - RefreshMargin) return _given = token;
                // Another flow already replaced the token that was just refused.
                if (refresh && token != _given && now < _entry.ExpiresAt) return _given = token;
            }
            return _given = await RefreshAsync(ct);
        }
        finally
        {
            _entry.Gate.Release();
        }
    }

    /// <summary>True when the cached token belongs to this connection's newest refresh token (adopting it when ours was spent).</summary>
    private async Task<bool> AdoptNewestAsync(CancellationToken ct)
    {
        if (_entry.RefreshToken is not { } newest) return false;
        if (newest != _refreshToken && !_entry.Spent.Contains(_refreshToken)) return false;   // the customer reconnected: start over
        _refreshToken = newest;
        if (!_entry.RefreshTokenSaved && _saveRefreshToken is not null)
        {
            await _saveRefreshToken(newest, CancellationToken.None);
            _entry.RefreshTokenSaved = true;
        }
        return true;
    }

    private async Task<string> RefreshAsync(CancellationToken ct)
    {
        Refreshes++;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = _refreshToken,
            ["client_id"] = _clientId,
            ["client_secret"] = _clientSecret,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            // Not cancellable: once Exact received the request it has spent the old refresh token, and the rotated
            // one in its answer is the only way back in. The connector's attempt timeout still bounds the wait.
            response = await _http.SendAsync(request, CancellationToken.None);
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"Exact Online's login service at {_tokenUrl.Host} could not be reached: {e.Message}", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var body = TryParse(text);
            if (response.IsSuccessStatusCode && body?["access_token"] is JsonValue access && body["refresh_token"] is JsonValue rotated)
                return await AcceptAsync((string)access!, (string)rotated!, ExpiresIn(body["expires_in"]));

            // OAuth errors are strings; a failing server may answer with an object instead.
            var error = (body?["error"] as JsonValue)?.ToString();
            var description = (body?["error_description"] as JsonValue)?.ToString();
            if (error == "access_denied" && description?.Contains("not expired", StringComparison.OrdinalIgnoreCase) == true)
            {
                // Optiply's tap does the same: the previous token is still valid, keep using it.
                if (_entry.AccessToken is { } current && _clock.GetUtcNow() < _entry.ExpiresAt) return current;
                throw new RunStopped("Exact Online refused a new access token because one was issued less than ten minutes ago " +
                    "(by another process using the same connection). The next run will continue.");
            }
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized || error is "invalid_grant" or "invalid_client")
                throw new RunStopped("Exact Online no longer accepts the connection; reconnect it on the tenant's connection settings" +
                    (description is null ? "." : $" (Exact said: {description})."));
            throw new SyncProblem($"Exact Online's login service answered HTTP {(int)response.StatusCode}. The run will be tried again later.", response: text);
        }
    }

    private async Task<string> AcceptAsync(string access, string rotated, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow();
        _entry.Spent.Add(_refreshToken);
        _entry.RefreshToken = rotated;
        _entry.RefreshTokenSaved = false;
        _entry.AccessToken = access;
        _entry.ExpiresAt = now + lifetime;
        _refreshToken = rotated;
        if (_saveRefreshToken is not null)
        {
            try
            {
                // Not cancellable: the old refresh token is already dead, the new one must be kept whatever happens.
                await _saveRefreshToken(rotated, CancellationToken.None);
                _entry.RefreshTokenSaved = true;
            }
            catch (Exception e)
            {
                throw new RunStopped("Exact Online issued a new refresh token but the hub could not store it. " +
                    "The next run in this process will try to store it again; if the hub restarts first, reconnect Exact Online.", e);
            }
        }
        return access;
    }

    private static TimeSpan ExpiresIn(JsonNode? value)
    {
        // Exact sends expires_in as a string ("600").
        var seconds = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
            JsonValue v when double.TryParse((string?)v, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => 600,
        };
        return TimeSpan.FromSeconds(seconds);
    }

    private static JsonObject? TryParse(string text)
    {
        try { return JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
