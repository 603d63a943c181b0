using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Koppel.Infrastructure.Http;

/// <summary>
/// Retries what a remote system means as "try again": 5xx, 408, 429 and timeouts, with exponential backoff
/// and jitter, waiting exactly as long as a Retry-After header asks.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _log;

    public RetryHandler(HttpPolicy policy, ILogger log)
    {
        _log = log;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                Delay = policy.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, policy)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } r ? RequestCopy.RetryAfter(r.Headers, TimeProvider.System) : null),
                OnRetry = args =>
                {
                    _log.LogInformation("Retrying {Method} {Path} in {Delay} after {Reason}",
                        args.Context.Properties.GetValue(MethodKey, "?"), args.Context.Properties.GetValue(PathKey, "?"),
                        args.RetryDelay, args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(policy.AttemptTimeout)
            .Build();
    }

    private static readonly ResiliencePropertyKey<string> MethodKey = new("method");
    private static readonly ResiliencePropertyKey<string> PathKey = new("path");

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpPolicy policy)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException) return true;
        if (outcome.Result is not { } response) return false;
        var status = (int)response.StatusCode;
        if (status == 429 || status == 503)
        {
            // A wait longer than the policy allows is better reported than silently slept through.
            var wait = RequestCopy.RetryAfter(response.Headers, TimeProvider.System);
            return wait is null || wait <= policy.MaxRetryAfter;
        }
        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var attempts = new Attempts(request);
        // A body that cannot be read twice (a multipart form) is taken before the first attempt; the usual byte content
        // is read again only if a retry needs it.
        if (request.Content is { } content and not ByteArrayContent)
            attempts.Body = await content.ReadAsByteArrayAsync(ct);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(MethodKey, request.Method.Method);
        context.Properties.Set(PathKey, request.RequestUri?.AbsolutePath ?? "");
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state.Handler.SendAttemptAsync(state.Attempts, ctx.CancellationToken),
                context, (Handler: this, Attempts: attempts));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The first attempt sends the request itself; a request message is sent once, so each retry sends a copy.</summary>
    private async Task<HttpResponseMessage> SendAttemptAsync(Attempts attempts, CancellationToken ct)
    {
        var request = attempts.Request;
        if (!attempts.Sent)
        {
            attempts.Sent = true;
            return await base.SendAsync(request, ct);
        }
        if (request.Content is not null) attempts.Body ??= await request.Content.ReadAsByteArrayAsync(ct);
        return await base.SendAsync(RequestCopy.Of(request, attempts.Body), ct);
    }

    private sealed class Attempts(HttpRequestMessage request)
    {
        public HttpRequestMessage Request { get; } = request;
        public bool Sent { get; set; }
        public byte[]? Body { get; set; }
    }
}
