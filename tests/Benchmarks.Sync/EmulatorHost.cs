using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Benchmarks.Sync;

/// <summary>
/// The Exact Online and Optiply emulators in a process of their own (<see cref="EmulatorProcess"/>).
/// Besides the sandboxes it answers two benchmark calls: set up a division, count calls.
/// </summary>
public static class EmulatorHost
{
    public static Task RunAsync() => EmulatorProcess.ServeAsync(services =>
    {
        services.AddExactOnline();
        services.AddOptiply();
    }, app =>
    {
        var exact = app.Services.GetRequiredService<ExactOnlineSandbox>();
        var optiply = app.Services.GetRequiredService<OptiplySandbox>();
        app.MapPost("/bench/setup", (string division, int items, string clientId, string clientSecret) =>
        {
            // The documented limits are the systems' own; what is measured here is the hub.
            exact.RateLimits.MinutelyLimit = int.MaxValue;
            exact.RateLimits.DailyLimit = int.MaxValue;
            optiply.RequestsPerSecond = 0;
            exact.Seed(division, items, seed: 1);
            return Results.Json(new Setup(
                exact.Connect(division, clientId, clientSecret),
                exact.Rows(division, ExactDivision.SalesItemPrices).Count,
                exact.Rows(division, ExactDivision.ItemWarehouses).Count));
        });
        // The floor's own division and Optiply account, seeded alike, so its bare client creates rather than finds.
        app.MapPost("/bench/floor-setup", (string division, int items, string clientId, string clientSecret, string account) =>
        {
            exact.Seed(division, items, seed: 1);
            optiply.RegisterUser(FloorLogin(account), FloorLogin(account), account);
            return Results.Json(new FloorSetup(exact.Connect(division, clientId, clientSecret), FloorLogin(account), FloorLogin(account)));
        });
        // Exact calls per endpoint ("GET sync/Logistics/Items"), to see where reads go.
        app.MapGet("/bench/exact-endpoints", () => Results.Json(exact.Requests
            .Select(r => r.Split('?')[0]).Select(r => string.Join('/', r.Split('/').Skip(4)))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count())));
        app.MapGet("/bench/calls", () => Results.Json(new Calls(exact.Requests.Count, optiply.Requests.Count - optiply.Writes, optiply.Writes)));
    });

    private static string FloorLogin(string account) => $"floor-{account}";
}

public sealed record Setup(string RefreshToken, int PriceRows, int StockRows);

/// <summary>The floor's Exact refresh token and Optiply user (password grant with the demo API client).</summary>
public sealed record FloorSetup(string RefreshToken, string Username, string Password);

public sealed record Calls(int ExactReads, int OptiplyReads, int OptiplyWrites);
