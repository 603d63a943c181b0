namespace Koppel.Infrastructure.Http;

/// <summary>Holds one of the connection's request slots for every attempt, retries included, until its answer arrives.</summary>
internal sealed class RateLimitHandler(RequestBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var slot = await budget.TakeAsync(ct);
        return await base.SendAsync(request, ct);
    }
}
