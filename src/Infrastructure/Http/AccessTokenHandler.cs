using System.Net;
using System.Net.Http.Headers;

namespace Koppel.Infrastructure.Http;

/// <summary>
/// Supplies a system's access token. <c>refresh: false</c> returns the cached token (fetching one if none);
/// <c>refresh: true</c> replaces it after the system refused it.
/// </summary>
public interface IAccessTokenSource
{
    Task<string> GetAsync(bool refresh, CancellationToken ct);
}

/// <summary>
/// Adds the bearer token; on a 401 refreshes it once and repeats the call (tokens expire mid-run). Calls to the
/// source are serialised and a refresh happens only if nobody replaced the refused token yet, so eight
/// parallel requests hitting one expiry cause one refresh, not eight (Exact refuses rapid refreshes).
/// </summary>
internal sealed class AccessTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await TokenAsync(refused: null, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        // Read only now, once refused: the retry handler above hands over byte content, which reads again after sending.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        var fresh = await TokenAsync(refused: token, ct);
        using var retry = RequestCopy.Of(request, body);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(retry, ct);
    }

    private async Task<string> TokenAsync(string? refused, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = await tokens.GetAsync(refresh: false, ct);
            return refused is not null && current == refused ? await tokens.GetAsync(refresh: true, ct) : current;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gate.Dispose();
        base.Dispose(disposing);
    }
}
