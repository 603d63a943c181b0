using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;

namespace Koppel.Browser.Tests;

/// <summary>
/// A webshops → Okos-Ügyvitel tenant of the running portal on its own ERP company ("{slug}-co" on the portal's
/// Okos-Ügyvitel emulator), saved through the admin API and filled through the ERP's own HTTP contract.
/// </summary>
public sealed class WebshopsErp(HttpClient http, string slug)
{
    public string Slug { get; } = slug;
    private string Company => $"{Slug}-co";
    private string Key => $"{Company}-key";
    private readonly Dictionary<string, string> products = new(StringComparer.Ordinal);

    /// <summary>Resets the ERP company (warehouses 1 and 2, sequences SR and UN) and saves the tenant with one UNAS shop "un1" on it.</summary>
    /// <param name="erpKey">The key the tenant's connection holds; another than the company's makes the ERP refuse the hub.</param>
    public static async Task<WebshopsErp> CreateAsync(HttpClient http, string slug, string? erpKey = null)
    {
        var erp = new WebshopsErp(http, slug);
        using var setup = await http.PutAsJsonAsync($"/sandbox/okos-ugyvitel/companies/{erp.Company}", OkosSetup.Demo(erp.Key), JsonSerializerOptions.Web);
        Assert.True(setup.IsSuccessStatusCode, await setup.Content.ReadAsStringAsync());
        var tenant = new JsonObject
        {
            ["name"] = $"{slug} Kft.", ["integration"] = "webshops-okos",
            ["connections"] = new JsonObject
            {
                ["okosUgyvitel"] = new JsonObject { ["baseUrl"] = OkosSandbox.BaseUrl(http.BaseAddress!), ["companyId"] = erp.Company, ["apiKey"] = erp.Key },
                ["webshops"] = new JsonArray(new JsonObject { ["key"] = "un1", ["platform"] = "unas", ["apiKey"] = $"{slug}-unas-key", ["baseUrl"] = UnasSandbox.BaseUrl(http.BaseAddress!) }),
            },
            ["settings"] = new JsonObject
            {
                ["webshops"] = new JsonObject { ["un1"] = new JsonObject { ["numberingSequence"] = "UN", ["warehouseId"] = "1", ["stockWarehouses"] = new JsonArray("1") } },
            },
        };
        await erp.SendAsync(HttpMethod.Put, $"/api/v1/tenants/{slug}", tenant, PortalServer.SupportApiKey);
        // Options are checked against the ERP when saved, so a key the ERP refuses is given afterwards, on its own.
        if (erpKey is not null)
            await erp.SendAsync(HttpMethod.Put, $"/api/v1/tenants/{slug}", new JsonObject
            {
                ["connections"] = new JsonObject { ["okosUgyvitel"] = new JsonObject { ["apiKey"] = erpKey } },
            }, PortalServer.SupportApiKey);
        return erp;
    }

    /// <summary>Sets the ERP company up again with only the given warehouses (its data starts afresh).</summary>
    public async Task KeepOnlyWarehousesAsync(params string[] ids)
    {
        var setup = OkosSetup.Demo(Key);
        setup = setup with { Warehouses = setup.Warehouses.Where(w => ids.Contains(w.Id)).ToList() };
        using var answer = await http.PutAsJsonAsync($"/sandbox/okos-ugyvitel/companies/{Company}", setup, JsonSerializerOptions.Web);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>A product with physical stock in warehouse 1 (received in the ERP), and its purchasing data.</summary>
    public async Task ProductAsync(string code, string name, decimal physical, decimal minimumStock = 0, string? supplier = null, string? supplierItemCode = null)
    {
        var body = new JsonObject { ["code"] = code, ["name"] = name, ["vatKey"] = "27%", ["netSalesPrice"] = 10000, ["minimumStock"] = minimumStock };
        if (supplier is not null) body["defaultSupplier"] = new JsonObject { ["name"] = supplier, ["itemCode"] = supplierItemCode };
        products[code] = (await ErpAsync(HttpMethod.Post, "products", body))["id"]!.ToString();
        await ErpAsync(HttpMethod.Post, "documents", new JsonObject
        {
            ["type"] = "receipt", ["warehouseId"] = "1", ["lines"] = new JsonArray(new JsonObject { ["productId"] = products[code], ["quantity"] = physical }),
        });
    }

    /// <summary>An open order of shop "un1" in warehouse 1, as the orders flow would post it.</summary>
    public async Task OrderAsync(string customer, string date, params (string Code, decimal Quantity)[] lines)
    {
        var customerId = (await ErpAsync(HttpMethod.Post, "customers", new JsonObject { ["name"] = customer }))["id"]!.ToString();
        await ErpAsync(HttpMethod.Post, "documents", new JsonObject
        {
            ["type"] = "order", ["numberingSequence"] = "UN", ["externalId"] = $"un1:{Guid.NewGuid():N}", ["customerId"] = customerId,
            ["warehouseId"] = "1", ["date"] = date,
            ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["productId"] = products[l.Code], ["quantity"] = l.Quantity }).ToArray()),
        });
    }

    /// <summary>The portal's admin API answer for this tenant's fulfillable orders, as support staff would read it.</summary>
    public Task<string> ApiAsync(HttpMethod method, string path, JsonObject? body = null) =>
        SendAsync(method, $"/api/v1/tenants/{Slug}/fulfillable-orders{path}", body, PortalServer.SupportApiKey);

    private async Task<JsonObject> ErpAsync(HttpMethod method, string resource, JsonObject body) =>
        JsonNode.Parse(await SendAsync(method, $"/sandbox/okos-ugyvitel/api/v1/companies/{Company}/{resource}", body, Key))!.AsObject();

    private async Task<string> SendAsync(HttpMethod method, string path, JsonObject? body, string apiKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
