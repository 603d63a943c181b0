using Koppel.Infrastructure.Telemetry;

namespace Koppel.Infrastructure.Http;

/// <summary>
/// Counts every attempt that reaches the wire (so retries and 429s show), per external system: for the metrics
/// when there are any, and for the run that made it (<see cref="RunCalls"/>).
/// </summary>
internal sealed class MeteredHandler(string system, SyncTelemetry? telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        RunCalls.Add(system);
        try
        {
            var response = await base.SendAsync(request, ct);
            telemetry?.HttpCall(system, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            telemetry?.HttpCall(system, null);
            throw;
        }
    }
}
