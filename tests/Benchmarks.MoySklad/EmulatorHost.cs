using Koppel.Benchmarks.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Benchmarks.MoySklad;

/// <summary>
/// The MoySklad and Planfix emulators in a process of their own (<see cref="EmulatorProcess"/>).
/// Besides the sandboxes it answers two benchmark calls: set up both accounts, count calls.
/// </summary>
public static class EmulatorHost
{
    public const string Account = "bench";
    public const string MoySkladToken = "bench-moysklad-token";
    public const string PlanfixToken = "bench-planfix-token";
    public static readonly string[] PriceTypes = ["Цена продажи", "Оптовая цена"];

    public static Task RunAsync() => EmulatorProcess.ServeAsync(services =>
    {
        services.AddMoySklad();
        services.AddPlanfix();
    }, app =>
    {
        var moySklad = app.Services.GetRequiredService<MoySkladSandbox>();
        var planfix = app.Services.GetRequiredService<PlanfixSandbox>();
        app.MapPost("/bench/setup", (int products) =>
        {
            // The documented limits are the systems' own (the forecast applies them); what is measured here is the hub.
            moySklad.UnitsPerRequest = 0;
            planfix.RequestsPerSecond = 0;
            moySklad.RegisterToken(MoySkladToken, Account);
            moySklad.Seed(Account, products, seed: 1);
            planfix.RegisterToken(PlanfixToken, Account);
            var directory = planfix.AddDirectory(Account, "Товары",
                [.. new[] { "Name", "Code", "Article", "Unit", "External code" }.Select(n => (n, 0)),
                 .. new[] { "Stock", "Available", "Reserve" }.Concat(PriceTypes).Select(n => (n, 1))]);
            return Results.Json(new Setup(directory));
        });
        app.MapGet("/bench/calls", () => Results.Json(new Calls(
            moySklad.Requests.Count(r => r.StartsWith("GET /entity/product?", StringComparison.Ordinal)),
            moySklad.Requests.Count(r => r.StartsWith("GET /report/stock/", StringComparison.Ordinal)),
            moySklad.Requests.Count, planfix.Requests.Count - planfix.Writes, planfix.Writes)));
    });
}

public sealed record Setup(int DirectoryId);

/// <summary>Calls the emulators saw so far: MoySklad product pages, stock report calls and all its calls; Planfix reads and writes.</summary>
public sealed record Calls(int ProductPages, int StockReports, int MoySkladAll, int PlanfixReads, int PlanfixWrites);
