using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

public sealed class ExactItemsStreamTests
{
    [Fact]
    public async Task Reading_2500_items_takes_exactly_three_pages_of_the_sync_endpoint()
    {
        await using var exact = await ExactHub.StartAsync(items: 2500);

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        Assert.Equal(2500, records.Count(r => !r.Deleted));
        Assert.Equal(2500, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(3, exact.Exact.CountRequests("/sync/Logistics/Items"));
    }

    [Fact]
    public async Task Prices_and_stock_are_read_in_bulk_not_once_per_item()
    {
        await using var exact = await ExactHub.StartAsync(items: 300);

        await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())));

        Assert.True(exact.Exact.CountRequests("SalesItemPrices") <= 3, string.Join('\n', exact.Exact.Requests));
        Assert.True(exact.Exact.CountRequests("ItemWarehouses") <= 3, string.Join('\n', exact.Exact.Requests));
    }

    [Fact]
    public async Task An_incremental_read_from_the_cursor_returns_only_the_changed_item()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));
        exact.Exact.ChangeItem(ExactHub.Division, "ART-00012", i => i["Description"] = "Oak chair, renamed");

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor));

        var changed = Assert.Single(records);
        Assert.Equal("ART-00012", (string?)changed.Data["Code"]);
        Assert.Equal("Oak chair, renamed", (string?)changed.Data["Description"]);
    }

    [Fact]
    public async Task A_read_from_the_latest_cursor_without_changes_returns_nothing()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        var pages = await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor);

        Assert.Empty(ExactHub.Records(pages));
    }

    [Fact]
    public async Task An_incremental_read_without_changes_costs_one_call_per_sync_endpoint()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));
        var before = exact.Exact.CountRequests("/api/v1/");

        await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor);

        // Items, SalesItemPrices, ItemWarehouses and Deleted: one sync page each.
        Assert.Equal(before + 4, exact.Exact.CountRequests("/api/v1/"));
    }

    [Fact]
    public async Task A_new_price_returns_the_item_with_its_price_list_although_the_item_itself_did_not_change()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));
        exact.Exact.ChangePrice(ExactHub.Division, "ART-00007", 49.95);

        var item = Assert.Single(ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor)));

        Assert.Equal("ART-00007", (string?)item.Data["Code"]);
        var current = item.Data["Prices"]!.AsArray().Single(p => p!["EndDate"] is null && p["Account"] is null && (string?)p["Unit"] == (string?)p["DefaultItemUnit"]);
        Assert.Equal(49.95, (double)current!["Price"]!);
    }

    [Fact]
    public async Task A_stock_change_returns_the_item_with_its_new_stock()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));
        exact.Exact.ChangeStock(ExactHub.Division, "ART-00003", "1", 77);

        var item = Assert.Single(ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor)));

        var main = item.Data["Stock"]!.AsArray().Single(s => (string?)s!["WarehouseCode"] == "1");
        Assert.Equal(77, (double)main!["CurrentStock"]!);
        Assert.Equal(1, (int)main["Main"]!);
    }

    [Fact]
    public async Task A_deleted_item_comes_back_as_a_deletion_from_the_deleted_endpoint()
    {
        await using var exact = await ExactHub.StartAsync(items: 20);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));
        var id = (string)exact.Exact.Item(ExactHub.Division, "ART-00005")!["ID"]!;
        exact.Exact.DeleteItem(ExactHub.Division, "ART-00005");
        var deletedReadsBefore = exact.Exact.CountRequests("/sync/Deleted");

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context())), cursor));

        var deletion = Assert.Single(records);
        Assert.True(deletion.Deleted);
        Assert.Equal(id, deletion.Id);
        Assert.Equal(deletedReadsBefore + 1, exact.Exact.CountRequests("/sync/Deleted"));
    }

    [Fact]
    public async Task An_item_record_carries_the_exact_fields_its_price_list_and_its_stock_per_warehouse()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        // ART-00015: a customer price (15 % 3 == 0) and a box price (15 % 5 == 0) besides the ended and current general price.
        var item = records.Single(r => (string?)r.Data["Code"] == "ART-00015");
        Assert.Null(item.Problem);
        Assert.Equal(item.Id, (string?)item.Data["ID"]);
        Assert.IsType<bool>((bool)item.Data["IsPurchaseItem"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", (string?)item.Data["Modified"]);
        var prices = item.Data["Prices"]!.AsArray();
        Assert.Equal(4, prices.Count);
        Assert.Contains(prices, p => p!["EndDate"] is not null);
        Assert.Contains(prices, p => p!["Account"] is not null);
        Assert.Contains(prices, p => (string?)p!["Unit"] == "box");
        Assert.NotEmpty(item.Data["Stock"]!.AsArray());
    }

    [Fact]
    public async Task A_malformed_item_is_reported_as_such_and_the_rest_is_read()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);
        exact.PlanFaults(new FaultPlan { MalformedRecords = 1 });

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        var malformed = Assert.Single(records, r => r.Problem is not null);
        Assert.StartsWith("field IsStockItem: expected true or false", malformed.Problem);
        Assert.Equal(30, records.Count);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_read_completes()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);
        exact.PlanFaults(new FaultPlan { AfterRequests = 2, TooManyRequests = 2, RetryAfterSeconds = 1 });

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        Assert.Equal(30, records.Count);
        Assert.Equal(0, exact.Faults.Current(Koppel.Infrastructure.Connectors.ExactOnline.Sandbox.ExactOnlineSandbox.SegmentName)!.TooManyRequests);
    }

    [Fact]
    public async Task An_access_token_that_expired_mid_run_is_refreshed_and_the_read_continues()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);
        exact.PlanFaults(new FaultPlan { AfterRequests = 3, ExpireTokens = 1 });
        var stream = new ExactItemsStream(ExactOnlineClient.Create(exact.Context()));

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(stream));

        Assert.Equal(30, records.Count);
        Assert.Equal(2, exact.Saved.Count);
        Assert.Equal(exact.Saved.Last().Value, exact.StoredRefreshToken);
    }

    [Fact]
    public async Task Reading_one_item_by_id_returns_it_with_prices_and_stock()
    {
        await using var exact = await ExactHub.StartAsync(items: 10);
        var id = (string)exact.Exact.Item(ExactHub.Division, "ART-00004")!["ID"]!;

        var item = await new ExactItemsStream(ExactOnlineClient.Create(exact.Context())).ReadOneAsync(id, CancellationToken.None);

        Assert.NotNull(item);
        Assert.Equal("ART-00004", (string?)item.Data["Code"]);
        Assert.NotEmpty(item.Data["Prices"]!.AsArray());
    }

    [Fact]
    public async Task Reading_an_unknown_item_by_id_returns_null()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        var item = await new ExactItemsStream(ExactOnlineClient.Create(exact.Context())).ReadOneAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        Assert.Null(item);
    }
}
