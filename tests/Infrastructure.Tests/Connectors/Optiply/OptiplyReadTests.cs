using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>Reading Optiply back (buy orders for Exact): relationships, null filters, the account, corrupt records.</summary>
public sealed class OptiplyReadTests
{
    [Fact]
    public async Task Open_buy_orders_are_found_with_the_completed_null_filter()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 40, seed: 2);
        var orders = optiply.Sandbox.BuyOrders(OptiplyHub.Account);
        await optiply.Client().UpdateAsync("buyOrders", (string)orders[0]["id"]!, new JsonObject { ["completed"] = "2026-11-20T08:00:00Z" });

        var open = await optiply.Client().ReadAllAsync("buyOrders", [("filter[completed]", "null"), ("sort", "createdAt")]).ToListAsync();

        Assert.Equal(orders.Count - 1, open.Count);
        Assert.DoesNotContain(open, o => o.Id == (string)orders[0]["id"]!);
    }

    [Fact]
    public async Task A_buy_orders_lines_are_read_through_its_related_link()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 20, seed: 5);
        var order = (await optiply.Client().ListAsync("buyOrders", limit: 1)).Data[0];

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Get, $"buyOrders/{order.Id}/buyOrderLines");

        Assert.Equal(200, status);
        var lines = body!["data"]!.AsArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(long.Parse(order.Id), (long?)l!["attributes"]!["buyOrderId"]));
    }

    [Fact]
    public async Task The_accounts_resource_names_the_callers_account()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var accounts = await optiply.Client().ListAsync("accounts");

        Assert.Equal(OptiplyHub.Account, Assert.Single(accounts.Data).Id);
    }

    [Fact]
    public async Task A_planned_malformed_record_arrives_with_wrong_typed_attributes()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 5, seed: 1);
        optiply.Faults.Plan("optiply", new FaultPlan { MalformedRecords = 1 });

        var products = (await optiply.Client().ListAsync("products")).Data;

        Assert.Equal("not a number", (string?)products[0].Attributes["price"]);
        Assert.NotEqual("not a number", (string?)products[1].Attributes["price"]);
    }
}
