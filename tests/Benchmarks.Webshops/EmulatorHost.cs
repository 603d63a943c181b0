using Koppel.Benchmarks.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Benchmarks.Webshops;

/// <summary>
/// The ShopRenter, UNAS and Okos-Ügyvitel emulators in a process of their own (<see cref="EmulatorProcess"/>).
/// Besides the sandboxes it answers two benchmark calls: seed the shops and the ERP, count calls.
/// </summary>
public static class EmulatorHost
{
    public const string Company = "bench-co", Shop = "bench-bolt", ShopClient = "bench-client", ShopSecret = "bench-secret", UnasKey = "bench-unas";

    public static Task RunAsync() => EmulatorProcess.ServeAsync(services =>
    {
        services.AddOkosUgyvitel().AddShopRenter().AddUnas();
    }, app =>
    {
        var erp = app.Services.GetRequiredService<OkosSandbox>();
        var shopRenter = app.Services.GetRequiredService<ShopRenterSandbox>();
        var unas = app.Services.GetRequiredService<UnasSandbox>();
        app.MapPost("/bench/setup", (int ordersPerShop) =>
        {
            // ShopRenter's 3 calls a second is the shop's own limit and the ERP's 10 the hub's assumption; what is
            // measured here is the hub (the benchmark prints what ShopRenter's limit adds on its own).
            shopRenter.RateLimit.Permits = 0;
            erp.RateLimit.Permits = 0;
            // Each shop sells a tenth as many products as it has orders (P-00001...); the ERP holds those products, so
            // order lines are matched by code. Services and payment and shipping methods are created on first use.
            erp.Seed(Company, Math.Max(1, ordersPerShop / 10), seed: 3);
            shopRenter.Seed(Shop, ordersPerShop, seed: 1);
            shopRenter.RegisterClient(Shop, ShopClient, ShopSecret);
            unas.Seed(UnasKey, ordersPerShop, seed: 2);
            return Results.Json(new Setup(OkosSandbox.SeedKey));
        });
        // Calls per system, and the ERP's per endpoint ("POST customers"), to see where they go.
        app.MapGet("/bench/calls", () => Results.Json(new Calls(
            shopRenter.Requests.Count + shopRenter.TokenRequests, unas.Requests.Count, erp.Requests.Count, erp.Writes,
            shopRenter.Writes, unas.Writes,
            erp.Requests.Select(Endpoint).GroupBy(e => e).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()))));
    });

    // "GET /sandbox/okos-ugyvitel/api/v1/companies/bench-co/customers?email=..." -> "GET customers"
    private static string Endpoint(string request)
    {
        var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..].Split('?')[0]);
        var resource = path.Split('/').SkipWhile(p => p != Company).Skip(1).FirstOrDefault() ?? path;
        return $"{method} {resource}";
    }
}

public sealed record Setup(string ErpApiKey);

public sealed record Calls(int ShopRenter, int Unas, int Erp, int ErpWrites, int ShopRenterWrites, int UnasWrites, Dictionary<string, int> ErpEndpoints);
