using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>A webhook call the emulator made, for tests: where, what, and the receiver's answer per attempt.</summary>
public sealed record MoySkladDelivery(string Url, JsonObject Body, IReadOnlyList<int?> Attempts);

/// <summary>
/// Webhook registration (entity webhooks and stock webhooks) with MoySklad's rules, and delivery: a reference-only
/// body posted with <c>?requestId=</c>, 1500 ms to answer 200/204, three more immediate attempts, then dropped.
/// Writes carrying X-Lognex-WebHook-DisableByPrefix do not notify URLs starting with a given prefix.
/// </summary>
internal sealed class MoySkladWebhooks(TimeProvider clock)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMilliseconds(1500) };
    private readonly ConcurrentQueue<MoySkladDelivery> _delivered = new();
    private readonly ConcurrentBag<Task> _pending = [];

    public IReadOnlyCollection<MoySkladDelivery> Delivered => _delivered;

    /// <summary>Drops notifications without sending them (a missed webhook, for reconciliation tests).</summary>
    public bool Lose { get; set; }

    public JsonObject Register(MoySkladAccountData data, string type, JsonObject input)
    {
        var url = input["url"]?.ToString() ?? throw MoySkladError.Required("url");
        if (url.Length > 255) throw new MoySkladError(412, 30010, "Длина url не может превышать 255 символов", "url");
        var id = Guid.NewGuid().ToString("D");
        var hook = new JsonObject
        {
            ["meta"] = MoySkladAccountData.Meta(type, id),
            ["id"] = id,
            ["accountId"] = data.AccountId,
            ["url"] = url,
            ["enabled"] = input["enabled"]?.GetValue<bool>() ?? true,
        };
        if (type == "webhook")
        {
            var action = input["action"]?.ToString() ?? throw MoySkladError.Required("action");
            var entityType = input["entityType"]?.ToString() ?? throw MoySkladError.Required("entityType");
            if (action is not ("CREATE" or "UPDATE" or "DELETE")) throw new MoySkladError(412, 30001, $"Неизвестное действие '{action}'", "action");
            var same = data.Webhooks.Values.Where(w => w["entityType"]!.ToString() == entityType && w["action"]!.ToString() == action).ToList();
            if (same.Any(w => w["url"]!.ToString() == url)) throw new MoySkladError(412, 30003, "Вебхук с такими параметрами уже существует");
            if (same.Count >= 5) throw new MoySkladError(412, 30007, "Превышено количество вебхуков на тип сущности и действие (5)");
            hook["entityType"] = entityType;
            hook["action"] = action;
            hook["method"] = "POST";
            if (action == "UPDATE") hook["diffType"] = input["diffType"]?.ToString() ?? "NONE";
            data.Webhooks[id] = hook;
        }
        else
        {
            if (data.StockWebhooks.Values.Any(w => w["url"]!.ToString() == url)) throw new MoySkladError(412, 30003, "Вебхук с такими параметрами уже существует");
            hook["stockType"] = input["stockType"]?.ToString() ?? "stock";
            hook["reportType"] = input["reportType"]?.ToString() ?? "all";
            data.StockWebhooks[id] = hook;
        }
        return hook;
    }

    public void Notify(MoySkladAccountData data, string entityType, string id, string action, IReadOnlyList<string> suppressed, IReadOnlyList<string>? fields)
    {
        foreach (var hook in data.Webhooks.Values.Where(w => w["entityType"]!.ToString() == entityType && w["action"]!.ToString() == action && w["enabled"]!.GetValue<bool>()))
        {
            var url = hook["url"]!.ToString();
            if (suppressed.Any(p => url.StartsWith(p, StringComparison.Ordinal)) || Lose) continue;
            var evt = new JsonObject
            {
                ["meta"] = new JsonObject { ["type"] = entityType, ["href"] = $"{MoySkladAccountData.Host}/entity/{entityType}/{id}" },
                ["action"] = action,
                ["accountId"] = data.AccountId,
            };
            if (fields is not null && hook["diffType"]?.ToString() == "FIELDS") evt["updatedFields"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray());
            Send(url, new JsonObject
            {
                ["auditContext"] = new JsonObject
                {
                    ["meta"] = new JsonObject { ["type"] = "audit", ["href"] = $"{MoySkladAccountData.Host}/audit/{Guid.NewGuid():D}" },
                    ["uid"] = "admin@sandbox",
                    ["moment"] = MoySkladTime.FormatForFilter(clock.GetUtcNow()),
                },
                ["events"] = new JsonArray(evt),
            });
        }
    }

    /// <summary>Calls every stock webhook with a reportUrl of what changed since <paramref name="since"/> (MoySklad does it every 1–5 min).</summary>
    public void NotifyStock(MoySkladAccountData data, DateTimeOffset since)
    {
        foreach (var hook in data.StockWebhooks.Values.Where(w => w["enabled"]!.GetValue<bool>()))
        {
            if (Lose) continue;
            Send(hook["url"]!.ToString(), new JsonObject
            {
                ["accountId"] = data.AccountId,
                ["stockType"] = hook["stockType"]!.DeepClone(),
                ["reportType"] = hook["reportType"]!.DeepClone(),
                ["reportUrl"] = $"{MoySkladAccountData.Host}/report/stock/{hook["reportType"]}/current?changedSince={Uri.EscapeDataString(MoySkladTime.FormatForFilter(since))}",
            });
        }
    }

    /// <summary>Set by the sandbox: makes the relative hrefs of a body absolute for the emulator's own address.</summary>
    public Func<string, string> Absolute { get; set; } = text => text;

    private void Send(string url, JsonObject body)
    {
        var text = Absolute(body.ToJsonString());
        _pending.Add(Task.Run(async () =>
        {
            var attempts = new List<int?>();
            var target = $"{url}{(url.Contains('?') ? '&' : '?')}requestId={Guid.NewGuid():D}";
            for (var attempt = 0; attempt < 4; attempt++)
            {
                try
                {
                    using var content = new StringContent(text, System.Text.Encoding.UTF8, "application/json");
                    using var response = await Http.PostAsync(target, content);
                    attempts.Add((int)response.StatusCode);
                    if ((int)response.StatusCode is 200 or 204) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    attempts.Add(null);
                }
            }
            _delivered.Enqueue(new MoySkladDelivery(url, JsonNode.Parse(text)!.AsObject(), attempts));
        }));
    }

    /// <summary>Waits until every notification sent so far was delivered or given up (for tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.ToArray());

    public void Reset()
    {
        _delivered.Clear();
        _pending.Clear();
    }
}
