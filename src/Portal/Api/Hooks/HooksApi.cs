using Koppel.Infrastructure.Webhooks;

namespace Koppel.Portal.Api.Hooks;

/// <summary>
/// Webhook intake: <c>POST /hooks/{tenant}/{system}</c>. Open to anyone (senders cannot sign in); a delivery counts
/// only with a valid signature (401 otherwise). Accepted deliveries are stored before the 200, then processed in
/// the background, so the sender is answered within a second.
/// </summary>
public static class HooksApi
{
    /// <summary>Bigger bodies are no webhook event of any integration here.</summary>
    private const int MaxBody = 1 << 20;

    public static IEndpointRouteBuilder MapHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{tenant}/{system}", (string tenant, string system, HttpRequest request, WebhookInbox inbox, CancellationToken ct) =>
            ReceiveAsync(tenant, system, null, request, inbox, ct)).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        // A secret in the address, for senders that cannot sign their deliveries (MoySklad).
        app.MapPost("/hooks/{tenant}/{system}/{key}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string tenant, string system, string? key, HttpRequest request, WebhookInbox inbox, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBody)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is larger than a webhook event can be.");
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        if (key is not null) headers[Koppel.Infrastructure.Integrations.WebhookIntake.PathKey] = key;
        return await inbox.AcceptAsync(tenant, system, headers, buffer.ToArray(), ct) switch
        {
            WebhookAnswer.Accepted => Results.Ok(new { status = "accepted" }),
            WebhookAnswer.BadSignature => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature header is missing or does not match the body."),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no webhook intake \"{system}\" for tenant \"{tenant}\"."),
        };
    }
}
