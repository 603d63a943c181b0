using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;

namespace Koppel.Benchmarks.Sync;

/// <summary>
/// The floor a sync cannot beat: the HTTP calls of the hub's first run made by a bare client, with no mapping,
/// no change check and no database. The same Exact pages (items, prices, stock, Deleted log, warehouses, with the
/// hub's $select and $filter) and one Optiply POST per item, as many in flight as the hub has (Sync:Parallelism).
/// The hub's lookups before creating (about 100 calls) are left out: the floor is what the work needs at least.
/// </summary>
public sealed class FloorClient(Uri emulators, int parallelism)
{
    private const string OptiplyMedia = "application/vnd.api+json";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Reads the division and creates its items in the account; answers the calls made.</summary>
    public async Task<(int ExactReads, int OptiplyWrites)> RunAsync(string division, string account, FloorSetup login, CancellationToken ct)
    {
        var exactBase = ExactOnlineSandbox.BaseUrl(emulators).TrimEnd('/');
        var exactToken = await TokenAsync($"{exactBase}/api/oauth2/token", null, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "bench-app", ["client_secret"] = "bench-secret", ["refresh_token"] = login.RefreshToken,
        }, ct);
        var reads = 0;
        var items = new List<(string Id, string Code, string Name)>();
        async Task ReadAsync(string resource, IEnumerable<string> select, string? filter, Action<JsonElement>? row = null)
        {
            var query = (filter is null ? "" : "$filter=" + Uri.EscapeDataString(filter) + "&") + "$select=" + string.Join(',', select);
            for (string? next = $"{exactBase}/api/v1/{division}/{resource}?{query}"; next is not null; reads++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, next);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", exactToken);
                request.Headers.Accept.ParseAdd("application/json");
                using var response = (await _http.SendAsync(request, ct)).EnsureSuccessStatusCode();
                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                var d = body.RootElement.GetProperty("d");
                if (row is not null)
                    foreach (var r in d.GetProperty("results").EnumerateArray()) row(r);
                next = d.TryGetProperty("__next", out var link) && link.GetString() is { Length: > 0 } url ? new Uri(new Uri(next), url).ToString() : null;
            }
        }

        await ReadAsync("inventory/Warehouses", ["ID", "Code", "Description", "Main"], null);
        await ReadAsync("sync/Logistics/SalesItemPrices", ExactItemFields.Price.Keys.Append("Timestamp"), "Timestamp gt 1L");
        await ReadAsync("sync/Inventory/ItemWarehouses", ExactItemFields.Stock.Keys.Append("Timestamp"), "Timestamp gt 1L");
        await ReadAsync("sync/Logistics/Items", ExactItemFields.SyncItem.Keys, "Timestamp gt 1L",
            r => items.Add((r.GetProperty("ID").GetString()!, r.GetProperty("Code").GetString() ?? "", r.GetProperty("Description").GetString() ?? "")));
        await ReadAsync("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], "Timestamp gt 1L and EntityType eq 9");

        var optiplyToken = await TokenAsync(OptiplyDemoLogin.TokenUrl(emulators),
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OptiplyDemoLogin.ClientId}:{OptiplyDemoLogin.ClientSecret}")),
            new() { ["grant_type"] = "password", ["username"] = login.Username, ["password"] = login.Password }, ct);
        var products = $"{OptiplyDemoLogin.BaseUrl(emulators)}/products?accountId={account}&couplingId={OptiplyDemoLogin.CouplingId}";
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (item, token) =>
        {
            // The attributes the hub's mapping writes, filled without looking at prices or stock.
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                data = new
                {
                    type = "products",
                    attributes = new
                    {
                        name = item.Name, skuCode = item.Code, articleCode = item.Code, price = 0, unlimitedStock = false,
                        stockLevel = 0, status = "enabled", eanCode = (string?)null, assembled = false, remoteId = item.Id,
                    },
                },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, products) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(OptiplyMedia);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", optiplyToken);
            request.Headers.Accept.ParseAdd(OptiplyMedia);
            using var response = (await _http.SendAsync(request, token)).EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(token);
        });
        return (reads, items.Count);
    }

    private async Task<string> TokenAsync(string url, string? basic, Dictionary<string, string> form, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (basic is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = (await _http.SendAsync(request, ct)).EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
