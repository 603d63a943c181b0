using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests;

/// <summary>
/// The durable queue across a restart: GoedGepickt delivers, the hub stores the delivery and answers 200, and stops
/// before working on it; the hub started again on the same database processes it. GoedGepickt and Optiply are the
/// emulators of a third host, so they outlive the hub's restart as the real systems would.
/// </summary>
public sealed class GoedGepicktRestartTests
{
    private const string Account = "gg-restart";
    private const string OptiplyAccount = "3201";

    [Fact]
    public async Task A_delivery_accepted_just_before_the_hub_stops_is_processed_once_after_it_starts_again()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-restart-").FullName;
        var database = new Dictionary<string, string> { ["ConnectionStrings:Koppel"] = $"Data Source={Path.Combine(folder, "koppel.db")}" };
        try
        {
            using var systems = new ApiHost();
            var gg = systems.Services.GetRequiredService<GoedGepicktSandbox>();
            var optiply = systems.Services.GetRequiredService<OptiplySandbox>();
            JsonObject Written() => optiply.Products(OptiplyAccount).Single(p => (string?)p["skuCode"] == "RS-1");
            string uuid;
            using (var before = ApiHost.With(database))
            {
                var slug = await GoedGepicktTenants.CreateAsync(before, "restart", Account, "gg-restart-key", OptiplyAccount, systems: systems);
                uuid = gg.AddProduct(Account, new JsonObject { ["sku"] = "RS-1", ["name"] = "Herstart", ["stock"] = new JsonObject { ["freeStock"] = 3 } }, fire: false)["uuid"]!.ToString();
                Assert.True((await before.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null)).IsSuccessStatusCode);
                // The hub is going down: its queue worker has stopped, its intake still answers.
                await before.Services.GetRequiredService<WebhookWorker>().StopAsync(CancellationToken.None);

                gg.SetFreeStock(Account, uuid, 11);
                await gg.DeliveriesIdleAsync();

                Assert.Equal((200, 1), (gg.DeliveryAttempts.Last().Status, gg.DeliveryAttempts.Last().Attempt));
                Assert.Equal(3, (int)Written()["stockLevel"]!);
            }
            SqliteConnection.ClearAllPools();
            var writes = optiply.Writes;

            using var after = ApiHost.With(database);

            for (var i = 0; i < 100 && (int)Written()["stockLevel"]! != 11; i++) await Task.Delay(100);
            Assert.Equal(11, (int)Written()["stockLevel"]!);
            await using var db = await after.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
            var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync();
            for (var i = 0; i < 50 && delivery.ProcessedAt is null; i++)
            {
                await Task.Delay(100);
                delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync();
            }
            Assert.Equal((1, (string?)null), (delivery.Attempts, delivery.Error));
            Assert.NotNull(delivery.ProcessedAt);
            Assert.Equal(writes + 1, optiply.Writes);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
