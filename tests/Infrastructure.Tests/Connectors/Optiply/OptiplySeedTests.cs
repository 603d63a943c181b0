namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

public sealed class OptiplySeedTests
{
    [Fact]
    public async Task Seeding_with_the_same_seed_replaces_the_account_with_the_same_data()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        optiply.Sandbox.Seed(OptiplyHub.Account, size: 2000, seed: 9);
        var first = optiply.Sandbox.Products(OptiplyHub.Account).Select(p => ((string?)p["name"], (string?)p["price"])).ToList();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 2000, seed: 9);
        var second = optiply.Sandbox.Products(OptiplyHub.Account).Select(p => ((string?)p["name"], (string?)p["price"])).ToList();

        Assert.Equal(2000, second.Count);
        Assert.Equal(first, second);
        Assert.Equal(100, optiply.Sandbox.Suppliers(OptiplyHub.Account).Count);
        Assert.Equal(200, optiply.Sandbox.BuyOrders(OptiplyHub.Account).Count);
    }
}
