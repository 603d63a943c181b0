using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Koppel.Benchmarks.Webhooks;

/// <summary>
/// Stamps every successful write to an Optiply product in the emulator as its answer leaves: the end of a
/// delivery's journey. Every write is kept, so a product written twice shows up as doubled work.
/// </summary>
public sealed class OptiplyWriteClock
{
    private const string ProductPath = "/sandbox/optiply/v1/products/";
    private readonly ConcurrentQueue<(string ProductId, long At)> _writes = new();

    public IReadOnlyList<(string ProductId, long At)> All => _writes.ToList();

    public async Task Middleware(HttpContext http, RequestDelegate next)
    {
        await next(http);
        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsPatch(http.Request.Method) && path.StartsWith(ProductPath, StringComparison.Ordinal) && http.Response.StatusCode < 300)
            _writes.Enqueue((path[ProductPath.Length..], Stopwatch.GetTimestamp()));
    }
}
