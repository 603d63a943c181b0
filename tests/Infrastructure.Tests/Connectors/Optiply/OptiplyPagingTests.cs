using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

public sealed class OptiplyPagingTests
{
    [Fact]
    public async Task Reading_all_products_follows_links_next_until_the_last_page()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 230, seed: 3);

        var first = await optiply.Client().ListAsync("products");
        var all = await optiply.Client().ReadAllAsync("products").ToListAsync();

        Assert.Equal(100, first.Data.Count);
        Assert.Equal(230, first.Total);
        Assert.Equal(230, all.Count);
        Assert.Equal(230, all.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 30, seed: 3);

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Get, "products?page[limit]=20&page[offset]=20");

        Assert.Equal(200, status);
        Assert.Equal(10, body!["data"]!.AsArray().Count);
        Assert.Null(body["links"]!["next"]);
        Assert.Equal(30, (int?)body["meta"]!["totalResourceCount"]);
    }

    [Fact]
    public async Task A_page_limit_above_100_is_refused()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Get, "products?page[limit]=101");

        Assert.Equal(400, status);
        Assert.Contains("page[limit]", (string?)body!["errors"]![0]!["detail"]);
    }

    [Fact]
    public async Task Filters_compare_with_operators_and_sort_descending()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var client = optiply.Client();
        foreach (var (name, price) in new[] { ("Koffiebonen 250 g", 4.5m), ("Koffiebonen 1 kg", 12.5m), ("Theezakjes", 3m) })
            optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product(name, name, price));

        var page = await client.ListAsync("products", [("filter[name][LIKE]", "koffie"), ("filter[price][GT]", "4"), ("sort", "-price")]);

        Assert.Equal(["Koffiebonen 1 kg", "Koffiebonen 250 g"], page.Data.Select(p => (string?)p.Attributes["name"]));
    }
}
