using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Benchmarks.Webshops;

/// <summary>
/// The ShopRenter, UNAS and Okos-Ügyvitel emulators in a process of their own, so the hub's memory is measured without
/// the emulators' data. Besides the sandboxes it answers two benchmark calls: seed the shops and the ERP, count calls.
/// </summary>
public static class EmulatorHost
{
    public const string Flag = "--emulators";
    public const string Company = "bench-co", Shop = "bench-bolt", ShopClient = "bench-client", ShopSecret = "bench-secret", UnasKey = "bench-unas";

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxFaults>();
        builder.Services.AddOkosUgyvitel().AddShopRenter().AddUnas();
        var app = builder.Build();
        app.MapSandboxSystems(_ => true);

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

        await app.StartAsync();
        Console.WriteLine(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        // Runs until the benchmark closes our input (or exits and takes us down with it).
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

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
