using System.Net.Http.Headers;

namespace Koppel.Infrastructure.Http;

/// <summary>An HttpRequestMessage can be sent once; retries send a copy with the body buffered beforehand.</summary>
internal static class RequestCopy
{
    public static HttpRequestMessage Of(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
        foreach (var header in original.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        foreach (var option in original.Options) ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return copy;
    }

    /// <summary>How long the server asked us to wait (seconds or an HTTP date), if it said.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider clock)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta) return delta;
        if (value?.Date is { } date) return date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
