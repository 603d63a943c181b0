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

    [Fact]
    public async Task A_burst_of_deliveries_becomes_one_run_per_flow_of_the_records_they_name()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var uuids = Enumerable.Range(1, 5).Select(i => hub.Product($"GG-{i}", freeStock: 1)["uuid"]!.ToString()).ToList();
        await hub.RunAsync("products");
        for (var i = 0; i < uuids.Count; i++) hub.GoedGepickt.SetFreeStock(GoedGepicktOptiplyHub.GgAccount, uuids[i], 20 + i);
        string Notice(string uuid) => $$"""{"event":"stockUpdated","productUuid":"{{uuid}}","productSku":"GG","newStock":"0"}""";
        // Every product once, the first one twice, and a product GoedGepickt does not know (gone before the hub asks).
        string[] bodies = [.. uuids.Select(Notice), Notice(uuids[0]), Notice("5d0c1b7e-0000-4000-8000-000000000000")];
        long[] ids;
        DateTime before;
        await using (var db = await hub.Hub.DbAsync())
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == GoedGepicktOptiplyHub.Slug);
            before = DateTime.UtcNow;
            var deliveries = bodies.Select(body => new WebhookDelivery
            {
                TenantId = tenant.Id, System = "goedgepickt", Body = body, ReceivedAt = before, DueAt = before,
            }).ToList();
            // Stored together, as a burst lands between two polls of the worker.
            db.WebhookDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync();
            ids = deliveries.Select(d => d.Id).ToArray();
        }

        hub.Hub.Get<WebhookWorker>().Wake();
        await using var check = await hub.Hub.DbAsync();
        for (var i = 0; i < 100 && await check.WebhookDeliveries.CountAsync(d => ids.Contains(d.Id) && d.ProcessedAt == null) > 0; i++) await Task.Delay(100);

        var done = await check.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync();
        Assert.All(done, d => Assert.True(d.ProcessedAt is not null && d.DueAt is null && d.Error is null && d.Attempts == 1, $"delivery {d.Id}: {d.Error}"));
        for (var i = 0; i < uuids.Count; i++) Assert.Equal(20 + i, (int)hub.OptiplyByRemoteId("products", uuids[i])!["stockLevel"]!);
        var run = Assert.Single(await check.SyncRuns.AsNoTracking().Where(r => r.Trigger == RunTrigger.Webhook && r.StartedAt >= before).ToListAsync());
        Assert.Equal(("stocks", RunMode.Records, RunStatus.Succeeded), (run.Flow, run.Mode, run.Status));
        Assert.Equal((6, 5), (run.Read, run.Updated));
    }
}
