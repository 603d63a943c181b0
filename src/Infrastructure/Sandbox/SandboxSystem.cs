using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// An emulator of one external system, mapped under <c>/sandbox/{Segment}</c>. It keeps data per sandbox
/// account, can be seeded with generated data of any size, and honours the faults injected for it.
/// </summary>
public abstract class SandboxSystem
{
    /// <summary>URL segment and fault key, e.g. "exact-online".</summary>
    public abstract string Segment { get; }

    /// <summary>Maps the system's own API on the group (already prefixed and wrapped by the fault filter).</summary>
    public abstract void Map(RouteGroupBuilder api);

    /// <summary>Replaces an account's data with <paramref name="size"/> generated records (deterministic per seed).</summary>
    public abstract void Seed(string account, int size, int seed);

    /// <summary>Drops every account's data.</summary>
    public abstract void Reset();

    /// <summary>The access tokens this emulator issued; an injected "expired token" fault clears them.</summary>
    public SandboxTokens Tokens { get; } = new(TimeProvider.System);

    /// <summary>The system's own 429 answer (header names and body as the real one sends them).</summary>
    public virtual IResult TooManyRequests(int retryAfterSeconds, HttpContext http)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { error = "Too many requests" }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The system's own 500 answer.</summary>
    public virtual IResult ServerError(HttpContext http) =>
        Results.Json(new { error = "Internal server error (injected by the sandbox)" }, statusCode: StatusCodes.Status500InternalServerError);
}
