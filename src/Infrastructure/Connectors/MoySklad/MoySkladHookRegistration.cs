using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad;

/// <summary>
/// Keeps an account's webhooks to one hook address in place: entity webhooks (<c>/entity/webhook</c>, one per entity
/// type and action) and a stock webhook (<c>/entity/webhookstock</c>). Webhooks to an older address of the same hook
/// (a secret that changed) are removed, and disabled ones (MoySklad switches off a receiver that keeps failing) are
/// registered again, so the periodic check repairs whatever went missing.
/// </summary>
public static class MoySkladHookRegistration
{
    public sealed record Outcome(int Created, int Removed, int InPlace)
    {
        public override string ToString() => $"MoySklad webhooks: {Created} created, {Removed} removed, {InPlace} in place";
    }

    /// <param name="url">The address MoySklad must deliver to (at most 255 characters).</param>
    /// <param name="ownPrefix">What every address of this hook starts with; other webhooks starting with it are stale.</param>
    public static async Task<Outcome> EnsureAsync(MoySkladClient client, string url, string ownPrefix, string entityType, IReadOnlyList<string> actions,
        bool stock, CancellationToken ct)
    {
        int created = 0, removed = 0, inPlace = 0;
        var wanted = actions.ToHashSet(StringComparer.Ordinal);
        foreach (var hook in await AllAsync(client, "webhook", ct))
        {
            var hookUrl = hook["url"]?.ToString() ?? "";
            if (!hookUrl.StartsWith(ownPrefix, StringComparison.Ordinal)) continue;
            var action = hook["action"]?.ToString() ?? "";
            var current = hookUrl == url && hook["entityType"]?.ToString() == entityType && hook["enabled"]?.GetValue<bool>() != false;
            if (current && wanted.Remove(action)) inPlace++;
            else
            {
                await client.DeleteAsync("webhook", hook["id"]!.ToString(), ct);
                removed++;
            }
        }
        foreach (var action in actions.Where(wanted.Contains))
        {
            var body = new JsonObject { ["url"] = url, ["action"] = action, ["entityType"] = entityType, ["enabled"] = true };
            if (action == "UPDATE") body["diffType"] = "NONE";
            await client.CreateAsync("webhook", body, ct);
            created++;
        }
        if (!stock) return new Outcome(created, removed, inPlace);

        var stockInPlace = false;
        foreach (var hook in await AllAsync(client, "webhookstock", ct))
        {
            var hookUrl = hook["url"]?.ToString() ?? "";
            if (!hookUrl.StartsWith(ownPrefix, StringComparison.Ordinal)) continue;
            if (hookUrl == url && hook["enabled"]?.GetValue<bool>() != false && !stockInPlace)
            {
                stockInPlace = true;
                inPlace++;
                continue;
            }
            await client.DeleteAsync("webhookstock", hook["id"]!.ToString(), ct);
            removed++;
        }
        if (!stockInPlace)
        {
            await client.CreateAsync("webhookstock", new JsonObject { ["url"] = url, ["stockType"] = "stock", ["reportType"] = "all", ["enabled"] = true }, ct);
            created++;
        }
        return new Outcome(created, removed, inPlace);
    }

    private static async Task<List<JsonObject>> AllAsync(MoySkladClient client, string type, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        await foreach (var page in client.PagesAsync(type, null, ct)) all.AddRange(page);
        return all;
    }
}
