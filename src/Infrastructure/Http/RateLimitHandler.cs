namespace Koppel.Infrastructure.Http;

/// <summary>Waits for the connection's request budget before every attempt, retries included.</summary>
internal sealed class RateLimitHandler(RequestBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await budget.WaitAsync(ct);
        return await base.SendAsync(request, ct);
    }
}
