using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Exact Online access tokens for one connection. The access token and its expiry are kept with the connection's
/// encrypted secrets and reused by every run, after a restart and by every hub process on the same database, until
/// 30 s before it expires, which is also the earliest moment Exact accepts a refresh (570 s after the last one); only
/// a 401 forces an earlier attempt. A refresh is taken by one process at a time under a lease in the stored secrets,
/// and rotates the refresh token: the new one is stored with the access token before either is used (a crash in
/// between would otherwise disconnect the customer).
/// </summary>
public sealed class ExactTokenSource : IAccessTokenSource
{
    /// <summary>Exact refuses a refresh within 570 s of the previous one; access tokens live 600 s.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    /// <summary>How often a process waiting for another one's refresh looks for the new token.</summary>
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http;
    private readonly Uri _tokenUrl;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _grant;
    private readonly IConnectionStore? _store;
    private readonly TimeProvider _clock;
    private readonly ExactTokenCache.Entry _entry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _refreshToken;
    private ExactAccessToken? _current;
    private string? _given;

    /// <param name="http">A client without credentials (the token endpoint takes the client secret in the form).</param>
    /// <param name="store">The stored connection; null only for values that are not stored (then tokens stay in this process's memory).</param>
    public ExactTokenSource(HttpClient http, string baseUrl, string division, string clientId, string clientSecret, string refreshToken,
        IConnectionStore? store, TimeProvider clock)
    {
        _http = http;
        _tokenUrl = new Uri(baseUrl.TrimEnd('/') + "/api/oauth2/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _refreshToken = refreshToken;
        _store = store;
        _clock = clock;
        _grant = $"{baseUrl.TrimEnd('/').ToLowerInvariant()}|{clientId}|{division}";
        _entry = ExactTokenCache.For(_grant);
    }

    /// <summary>Token calls made by this source (tests and logs).</summary>
    public int Refreshes { get; private set; }

    /// <summary>The refresh token this source would present next.</summary>
    public string RefreshToken => _refreshToken;

    public async Task<string> GetAsync(bool refresh, CancellationToken ct)
    {
        // A stored connection's refreshes are guarded by the lease in the database, for runs in this process as for
        // other processes; tokens that live only in memory need this process's gate instead.
        var gate = _store is null ? _entry.Gate : _gate;
        await gate.WaitAsync(ct);
        try
        {
            if (!Usable(_current, refresh))
                _current = _store is null ? await FromMemoryAsync(refresh, ct) : await FromStoreAsync(_store, refresh, ct);
            return _given = _current!.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Fit to hand out: until the margin before expiry; after a refusal, any valid token other than the refused one.</summary>
    private bool Usable(ExactAccessToken? token, bool refresh)
    {
        if (token is null) return false;
        var now = _clock.GetUtcNow();
        return refresh ? token.Token != _given && now < token.ExpiresAt : now < token.ExpiresAt - RefreshMargin;
    }

    private async Task<ExactAccessToken> FromMemoryAsync(bool refresh, CancellationToken ct)
    {
        // Adopt the newest pair unless the customer reconnected (our refresh token is neither the newest nor spent).
        if (_entry.RefreshToken is { } newest && (newest == _refreshToken || _entry.Spent.Contains(_refreshToken)))
        {
            _refreshToken = newest;
            if (Usable(_entry.Access, refresh)) return _entry.Access!;
        }
        return await RefreshAsync(ct);
    }

    private async Task<ExactAccessToken> FromStoreAsync(IConnectionStore store, bool refresh, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var secrets = await store.ReadSecretsAsync(ct);
            // The stored refresh token is the newest: another run or process may have rotated it since this run began.
            if (secrets.GetValueOrDefault(ExactStoredToken.RefreshTokenName) is { Length: > 0 } stored) _refreshToken = stored;
            if (await StoreUnsavedAsync(store)) continue;
            var access = ExactStoredToken.Read(secrets, _grant);
            if (Usable(access, refresh)) return access!;

            var seen = _refreshToken;
            var now = _clock.GetUtcNow();
            if (await store.UpdateSecretsAsync(s => s.GetValueOrDefault(ExactStoredToken.RefreshTokenName) == seen && ExactStoredToken.TryLease(s, now), ct))
            {
                try
                {
                    return await RefreshAsync(ct);
                }
                catch
                {
                    await store.UpdateSecretsAsync(s => s.Remove(ExactStoredToken.LeaseName), CancellationToken.None);
                    throw;
                }
            }
            if (waited.Elapsed > ExactStoredToken.LeaseHold)
                throw new RunStopped("Another hub process has been renewing this Exact Online connection's access token for two minutes. The next run will continue.");
            await Task.Delay(LeasePoll, ct);
        }
    }

    /// <summary>
    /// A test of unsaved connection values in this process spent the stored refresh token: the token pair it received
    /// is the only way back in, so it is stored now. True when it was.
    /// </summary>
    private async Task<bool> StoreUnsavedAsync(IConnectionStore store)
    {
        if (_entry.RefreshToken is not { } newest || newest == _refreshToken || !_entry.Spent.Contains(_refreshToken) || _entry.Access is not { } access)
            return false;
        var spent = _refreshToken;
        await store.UpdateSecretsAsync(s =>
        {
            if (s.GetValueOrDefault(ExactStoredToken.RefreshTokenName) != spent) return false;
            ExactStoredToken.Write(s, _grant, newest, access);
            return true;
        }, CancellationToken.None);
        return true;
    }

    private async Task<ExactAccessToken> RefreshAsync(CancellationToken ct)
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
                if (_current is { } current && _clock.GetUtcNow() < current.ExpiresAt) return current;
                throw new RunStopped("Exact Online refused a new access token because one was issued less than ten minutes ago " +
                    "(by another process using the same connection). The next run will continue.");
            }
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized || error is "invalid_grant" or "invalid_client")
                throw new RunStopped("Exact Online no longer accepts the connection; reconnect it on the tenant's connection settings" +
                    (description is null ? "." : $" (Exact said: {description})."));
            throw new SyncProblem($"Exact Online's login service answered HTTP {(int)response.StatusCode}. The run will be tried again later.", response: text);
        }
    }

    private async Task<ExactAccessToken> AcceptAsync(string token, string rotated, TimeSpan lifetime)
    {
        var access = new ExactAccessToken(token, _clock.GetUtcNow() + lifetime);
        // Kept in memory too, so that if storing fails a later run in this process can still store it.
        _entry.Spent.Add(_refreshToken);
        _entry.RefreshToken = rotated;
        _entry.Access = access;
        _refreshToken = rotated;
        if (_store is not null)
        {
            try
            {
                // Not cancellable: the old refresh token is already dead, the new one must be kept whatever happens.
                await _store.UpdateSecretsAsync(s =>
                {
                    ExactStoredToken.Write(s, _grant, rotated, access);
                    return true;
                }, CancellationToken.None);
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
