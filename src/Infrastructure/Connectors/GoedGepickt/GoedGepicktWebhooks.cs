using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>
/// GoedGepickt's webhooks: the hub subscribes to the events it needs (POST /webhooks), keeps each webhook's signing
/// secret as an encrypted connection secret, and verifies deliveries: header <c>signature</c> = lowercase hex
/// HMAC-SHA256 of the raw body with that webhook's secret.
/// </summary>
public static class GoedGepicktWebhooks
{
    /// <summary>The connection secret holding the webhooks' signing secrets: {"event": "secret", ...} as JSON.</summary>
    public const string SecretsName = "webhookSecrets";
    public const string SignatureHeader = "signature";

    /// <summary>True when the signature matches the body under one of the stored secrets (compared in constant time).</summary>
    public static bool Verify(ConnectionInfo connection, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue(SignatureHeader, out var signature) || string.IsNullOrWhiteSpace(signature)) return false;
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        foreach (var secret in Secrets(connection).Values)
        {
            var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
            if (CryptographicOperations.FixedTimeEquals(expected, given)) return true;
        }
        return false;
    }

    /// <summary>
    /// Subscribes the events missing at <paramref name="registration"/>'s target (for the connection's webshop, or all
    /// webshops), removes the hub's own duplicates (same event, same target: left by two hub processes that once
    /// registered at the same moment), and stores the secrets of the ones kept. Returns what it did, in words.
    /// </summary>
    public static async Task<string> EnsureAsync(WebhookRegistration registration, IReadOnlyList<string> events, CancellationToken ct)
    {
        var client = GoedGepicktClient.For(registration.Connection, registration.Http);
        var target = registration.TargetUrl.ToString();
        var existing = new List<JsonObject>();
        await foreach (var page in client.PagesAsync("webhooks", [], ct)) existing.AddRange(page.Items);
        var secrets = Secrets(registration.Connection);
        var stored = new Dictionary<string, string>(secrets);
        var added = new List<string>();
        var removed = new List<string>();
        foreach (var @event in events)
        {
            var ours = existing.Where(w => w["webhookEvent"]?.ToString() == @event && w["targetUrl"]?.ToString() == target).ToList();
            // Keep the one whose secret the hub holds: deliveries GG is still retrying are signed with it.
            var hook = ours.FirstOrDefault(w => w["webhookSecret"]?.ToString() is { Length: > 0 } s && s == stored.GetValueOrDefault(@event)) ?? ours.FirstOrDefault();
            foreach (var duplicate in ours.Where(w => !ReferenceEquals(w, hook)))
            {
                await client.DeleteAsync($"webhooks/{duplicate["webhookUuid"]}", ct);
                removed.Add(@event);
            }
            if (hook is null)
            {
                var body = new JsonObject { ["webhookEvent"] = @event, ["targetUrl"] = target };
                if (client.Account.WebshopUuid is { } shop) body["webshopUuid"] = shop;
                hook = await client.PostAsync("webhooks", body, ct);
                added.Add(@event);
            }
            if (hook["webhookSecret"]?.ToString() is { Length: > 0 } secret) secrets[@event] = secret;
        }
        if (!secrets.OrderBy(p => p.Key).SequenceEqual(stored.OrderBy(p => p.Key)))
            await registration.SaveSecretAsync(SecretsName, JsonSerializer.Serialize(secrets), ct);
        var said = new List<string>();
        if (added.Count > 0) said.Add($"registered {string.Join(", ", added)}");
        if (removed.Count > 0) said.Add($"removed duplicates of {string.Join(", ", removed.Distinct())}");
        return said.Count == 0 ? $"all {events.Count} webhooks in place" : string.Join("; ", said);
    }

    private static Dictionary<string, string> Secrets(ConnectionInfo connection)
    {
        if (connection.Secrets.GetValueOrDefault(SecretsName) is not { Length: > 0 } json) return [];
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []; }
        catch (JsonException) { return []; }
    }
}
