using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// Optiply's OAuth 2.0 token endpoint: password grant with the API client in a Basic header (or in the form),
/// <c>grant_type</c> in the form or the query string, and the refresh-token grant. Errors are Spring's.
/// </summary>
internal sealed class OptiplyLogins(SandboxTokens tokens)
{
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Password, string Account)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private int _requests;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    public int Requests => Volatile.Read(ref _requests);

    public void RegisterClient(string clientId, string clientSecret) => _clients[clientId] = clientSecret;

    public void RegisterUser(string username, string password, string account) => _users[username] = (password, account);

    public async Task<IResult> TokenAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
        string? Read(string name) => form?[name].FirstOrDefault() is { Length: > 0 } v ? v : request.Query[name].FirstOrDefault();

        var (clientId, clientSecret) = BasicClient(request) ?? (Read("client_id"), Read("client_secret"));
        if (clientId is null || !_clients.TryGetValue(clientId, out var secret) || secret != clientSecret)
            return Error(401, "unauthorized", "Bad client credentials");

        switch (Read("grant_type"))
        {
            case "password":
                var username = Read("username") ?? "";
                if (!_users.TryGetValue(username, out var user))
                    return Error(401, "unauthorized", "UserDetailsService returned null, which is an interface contract violation");
                if (user.Password != Read("password"))
                    return Error(400, "invalid_grant", "Bad credentials");
                return Issue(user.Account);
            case "refresh_token":
                return Read("refresh_token") is { } refresh && _refreshTokens.TryRemove(refresh, out var account)
                    ? Issue(account)
                    : Error(400, "invalid_grant", "Invalid refresh token");
            case null:
                return Error(400, "invalid_request", "Missing grant type");
            default:
                return Error(400, "unsupported_grant_type", "Unsupported grant type");
        }
    }

    private IResult Issue(string account)
    {
        var refresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _refreshTokens[refresh] = account;
        return Results.Json(new JsonObject
        {
            ["access_token"] = tokens.Issue(account, Lifetime),
            ["token_type"] = "bearer",
            ["refresh_token"] = refresh,
            ["expires_in"] = (int)Lifetime.TotalSeconds,
        });
    }

    private static (string?, string?)? BasicClient(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (pair[0], pair[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
