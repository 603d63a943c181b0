using System.Net;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

/// <summary>The emulator answers as Exact Online does: envelope, paging, query options, limits and errors.</summary>
public sealed class ExactSandboxTests
{
    private const string Api = "api/v1/" + ExactHub.Division + "/";

    [Fact]
    public async Task A_list_answer_is_wrapped_in_d_results_with_metadata_and_an_absolute_next_link()
    {
        await using var exact = await ExactHub.StartAsync(items: 70);

        using var answer = await exact.GetAsync(Api + "logistics/Items?$filter=IsSalesItem eq true&$select=ID,Code");
        var d = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!;

        Assert.Equal(60, d["results"]!.AsArray().Count);
        Assert.Equal("Exact.Web.Api.Models.Logistics.Item", (string?)d["results"]![0]!["__metadata"]!["type"]);
        var next = (string)d["__next"]!;
        Assert.StartsWith(exact.BaseUrl + "/" + Api + "logistics/Items?", next);
        Assert.Contains("$skiptoken=guid", Uri.UnescapeDataString(next));
        Assert.Contains("$select=ID,Code", Uri.UnescapeDataString(next));
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        await using var exact = await ExactHub.StartAsync(items: 10);

        using var answer = await exact.GetAsync(Api + "sync/Logistics/Items?$filter=Timestamp gt 1L&$select=ID,Timestamp");
        var d = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!.AsObject();

        Assert.Equal(10, d["results"]!.AsArray().Count);
        Assert.False(d.ContainsKey("__next"));
    }

    [Fact]
    public async Task Dates_are_sent_as_milliseconds_in_the_Date_form()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        using var answer = await exact.GetAsync(Api + "bulk/Logistics/Items?$filter=Code eq 'ART-00001'&$select=Code,Created");
        var created = (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!["results"]![0]!["Created"];

        Assert.Matches(@"^/Date\(\d+\)/$", created);
    }

    [Fact]
    public async Task One_record_is_answered_in_d_without_results()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);
        var id = (string)exact.Exact.Item(ExactHub.Division, "ART-00002")!["ID"]!;

        using var answer = await exact.GetAsync(Api + $"logistics/Items(guid'{id}')?$select=Code");
        var d = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!;

        Assert.Equal("ART-00002", (string?)d["Code"]);
        Assert.EndsWith($"logistics/Items(guid'{id}')", (string?)d["__metadata"]!["uri"]);
    }

    [Fact]
    public async Task Count_answers_a_bare_number()
    {
        await using var exact = await ExactHub.StartAsync(items: 12);

        using var answer = await exact.GetAsync(Api + "logistics/Items/$count?$filter=IsSalesItem eq true");
        Assert.Equal("12", await answer.Content.ReadAsStringAsync());

        // Items has a sync twin: without a filter the count is refused as a list would be (the stricter reading).
        using var unfiltered = await exact.GetAsync(Api + "logistics/Items/$count");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unfiltered.StatusCode);
        Assert.Contains("$filter is required", await unfiltered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SyncTimestamp_gives_the_timestamp_to_start_a_sync_at_a_date()
    {
        await using var exact = await ExactHub.StartAsync(items: 40);

        using var answer = await exact.GetAsync(Api + "read/sync/Sync/SyncTimestamp?modified=datetime'2023-06-01'&endPoint='PurchaseOrders'");
        var result = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!["results"]![0]!;

        Assert.Equal("PurchaseOrders", (string?)result["API"]);
        Assert.True((long)result["TimeStampAsBigInt"]! > 1);
    }

    [Fact]
    public async Task Skip_is_refused_with_exacts_error_body()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        using var answer = await exact.GetAsync(Api + "logistics/Items?$filter=IsSalesItem eq true&$skip=10");
        var error = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("$skip", (string?)error["message"]!["value"]);
    }

    [Fact]
    public async Task A_bulk_read_without_select_is_refused()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        using var answer = await exact.GetAsync(Api + "bulk/Logistics/Items?$filter=IsSalesItem eq true");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task Paths_match_case_insensitively()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        using var answer = await exact.GetAsync(Api + "SYNC/logistics/items?$filter=Timestamp gt 1L&$select=ID");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_division_call_carries_the_six_rate_limit_headers_with_resets_in_epoch_milliseconds()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);

        using var answer = await exact.GetAsync(Api + "inventory/Warehouses");

        Assert.Equal("60", answer.Headers.GetValues("X-RateLimit-Minutely-Limit").Single());
        Assert.Equal("59", answer.Headers.GetValues("X-RateLimit-Minutely-Remaining").Single());
        Assert.Equal("5000", answer.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("4999", answer.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(answer.Headers.GetValues("X-RateLimit-Minutely-Reset").Single()));
        Assert.Equal(0, reset.Second);
        Assert.True(reset > exact.Clock.GetUtcNow());
        Assert.True(answer.Headers.Contains("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task The_current_me_call_has_no_division_and_no_rate_limit_headers()
    {
        await using var exact = await ExactHub.StartAsync();

        using var answer = await exact.GetAsync("api/v1/current/Me?$select=CurrentDivision");
        var me = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["d"]!["results"]![0]!;

        Assert.Equal(int.Parse(ExactHub.Division), (int)me["CurrentDivision"]!);
        Assert.False(answer.Headers.Contains("X-RateLimit-Minutely-Remaining"));
    }

    [Fact]
    public async Task The_61st_call_within_a_minute_gets_429_with_no_minutely_calls_remaining()
    {
        await using var exact = await ExactHub.StartAsync(start: new DateTimeOffset(2026, 3, 2, 9, 15, 1, TimeSpan.Zero));
        for (var i = 0; i < 60; i++) (await exact.GetAsync(Api + "inventory/Warehouses")).Dispose();

        using var answer = await exact.GetAsync(Api + "inventory/Warehouses");

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal("0", answer.Headers.GetValues("X-RateLimit-Minutely-Remaining").Single());
    }

    [Fact]
    public async Task The_client_waits_for_the_next_minute_when_the_minutely_budget_runs_low_instead_of_getting_429()
    {
        await using var exact = await ExactHub.StartAsync(items: 20, start: new DateTimeOffset(2026, 3, 2, 9, 15, 58, TimeSpan.Zero));
        exact.Exact.RateLimits.MinutelyLimit = 6;

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(new ExactItemsStream(ExactOnlineClient.Create(exact.Context()))));

        Assert.Equal(20, records.Count);
        Assert.Equal(0, exact.Exact.RateLimits.Rejected);
    }

    [Fact]
    public async Task An_exhausted_daily_budget_stops_the_run_saying_when_it_resets()
    {
        await using var exact = await ExactHub.StartAsync(items: 5);
        exact.Exact.RateLimits.DailyLimit = 1;
        var client = ExactOnlineClient.Create(exact.Context());
        await client.AllAsync(client.Url("inventory/Warehouses"), CancellationToken.None);

        var stopped = await Assert.ThrowsAsync<Koppel.Infrastructure.Integrations.RunStopped>(() => client.AllAsync(client.Url("inventory/Warehouses"), CancellationToken.None));

        Assert.Contains("daily Exact Online API limit", stopped.Message);
    }

    [Fact]
    public async Task An_unknown_property_in_select_is_a_readable_problem()
    {
        await using var exact = await ExactHub.StartAsync(items: 3);
        var client = ExactOnlineClient.Create(exact.Context());

        var problem = await Assert.ThrowsAsync<Koppel.Infrastructure.Integrations.SyncProblem>(() =>
            client.AllAsync(client.Url("inventory/Warehouses", ["Code", "Colour"]), CancellationToken.None));

        Assert.Contains("Exact said: No property 'Colour'", problem.Message);
    }

    [Fact]
    public async Task Seeding_is_deterministic_per_seed()
    {
        await using var exact = await ExactHub.StartAsync(items: 25, seed: 7);
        var first = Snapshot(exact);

        // Timestamps keep rising across a reseed (a row version never goes back), everything else repeats.
        exact.Exact.Seed(ExactHub.Division, 25, 7);

        Assert.Equal(first, Snapshot(exact));
    }

    private static List<string> Snapshot(ExactHub exact) =>
        exact.Exact.Rows(ExactHub.Division, "Items").Concat(exact.Exact.Rows(ExactHub.Division, "SalesItemPrices"))
            .Select(r => { r.Remove("Timestamp"); return r.ToJsonString(); }).Order().ToList();
}
