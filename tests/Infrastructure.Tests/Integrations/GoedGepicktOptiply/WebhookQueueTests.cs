using Koppel.Domain.Sync;
using Koppel.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class WebhookQueueTests
{
    [Fact]
    public async Task A_delivery_accepted_before_a_crash_is_processed_once_its_lease_lapsed()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var product = hub.Product("GG-1", freeStock: 3);
        await hub.RunAsync("products");
        var uuid = product["uuid"]!.ToString();
        hub.GoedGepickt.SetFreeStock(GoedGepicktOptiplyHub.GgAccount, uuid, 9);
        long id;
        await using (var db = await hub.Hub.DbAsync())
        {
            // As a worker that claimed it and died leaves it: one attempt made, its lease over.
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == GoedGepicktOptiplyHub.Slug);
            var delivery = new WebhookDelivery
            {
                TenantId = tenant.Id, System = "goedgepickt", Attempts = 1,
                Body = $$"""{"event":"stockUpdated","productUuid":"{{uuid}}","productSku":"GG-1","newStock":"9"}""",
                ReceivedAt = DateTime.UtcNow.AddMinutes(-3), DueAt = DateTime.UtcNow.AddMinutes(-1),
            };
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            id = delivery.Id;
        }

        hub.Hub.Get<WebhookWorker>().Wake();

        for (var i = 0; i < 100 && (int)hub.OptiplyByRemoteId("products", uuid)!["stockLevel"]! != 9; i++) await Task.Delay(100);
        Assert.Equal(9, (int)hub.OptiplyByRemoteId("products", uuid)!["stockLevel"]!);
        await using var check = await hub.Hub.DbAsync();
        var done = await check.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
        for (var i = 0; i < 50 && done.ProcessedAt is null; i++)
        {
            await Task.Delay(100);
            done = await check.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
        }
        Assert.NotNull(done.ProcessedAt);
        Assert.Null(done.DueAt);
        Assert.Equal(2, done.Attempts);
    }
}
