using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>Exact items written as Optiply products through the sink, over HTTP against the emulator.</summary>
public sealed class OptiplyProductSinkTests
{
    private const string ExactItemId = "6f2c1a7e-0d4b-4f7e-9a51-3c2b8d1e5a10";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_created_product_holds_the_mapped_attributes_and_its_remoteId_under_the_coupling()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var write = await optiply.Sink(OptiplyEntity.Products).CreateAsync(ExactItemId, OptiplyHub.Product(), Ct);

        var product = Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account));
        Assert.Equal(write.TargetId, (string?)product["id"]);
        Assert.Equal("Koffiebonen 1 kg", (string?)product["name"]);
        Assert.Equal("KB-1000", (string?)product["skuCode"]);
        Assert.Equal("12.50", (string?)product["price"]);
        Assert.Equal(ExactItemId, (string?)product["remoteIdMap"]![OptiplyHub.Coupling]);
        Assert.Contains(write.TargetId, write.Response);
    }

    [Fact]
    public async Task A_product_is_found_by_the_remoteId_it_was_written_with()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        await sink.CreateAsync("other-item", OptiplyHub.Product("Theezakjes", "TZ-1"), Ct);
        var write = await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), Ct);

        Assert.Equal(write.TargetId, await sink.FindAsync(ExactItemId, Ct));
        Assert.Null(await sink.FindAsync("never-written", Ct));
    }

    [Fact]
    public async Task An_update_changes_the_attributes_sent_and_keeps_the_rest()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        var created = await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), Ct);

        var updated = await sink.UpdateAsync(created.TargetId, ExactItemId, new JsonObject { ["price"] = 13.95m, ["stockLevel"] = 12 }, Ct);

        Assert.Equal(created.TargetId, updated.TargetId);
        var product = Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account));
        Assert.Equal("13.95", (string?)product["price"]);
        Assert.Equal(12, (int?)product["stockLevel"]);
        Assert.Equal("Koffiebonen 1 kg", (string?)product["name"]);
    }

    [Fact]
    public async Task A_product_deleted_in_Optiply_is_created_again_on_update_with_a_new_id()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        var created = await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), Ct);
        await optiply.Client().DeleteAsync("products", created.TargetId, Ct);

        var updated = await sink.UpdateAsync(created.TargetId, ExactItemId, OptiplyHub.Product(), Ct);

        Assert.NotEqual(created.TargetId, updated.TargetId);
        Assert.Equal(updated.TargetId, (string?)Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account))["id"]);
    }

    [Fact]
    public async Task Deleting_a_product_keeps_it_disabled_and_deleting_it_again_is_fine()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Products);
        var created = await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), Ct);

        await sink.DeleteAsync(created.TargetId, Ct);
        await sink.DeleteAsync(created.TargetId, Ct);

        // Optiply's forecasts live on the product's sales history: it stays, switched off.
        var product = Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account));
        Assert.Equal("disabled", (string?)product["status"]);
    }

    [Fact]
    public async Task A_product_mapped_without_stock_gets_the_stock_attributes_Optiply_requires()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var payload = new JsonObject { ["name"] = "Suikerklontjes 500 g", ["skuCode"] = "SK-500" };

        await optiply.Sink(OptiplyEntity.Products).CreateAsync(ExactItemId, payload, Ct);

        var product = Assert.Single(optiply.Sandbox.Products(OptiplyHub.Account));
        Assert.Equal(0, (int?)product["stockLevel"]);
        Assert.False((bool?)product["unlimitedStock"]);
    }

    [Fact]
    public async Task A_product_without_a_name_becomes_a_SyncProblem_naming_the_field()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var payload = OptiplyHub.Product();
        payload["name"] = null;

        var problem = await Assert.ThrowsAsync<OptiplyRefused>(() => optiply.Sink(OptiplyEntity.Products).CreateAsync(ExactItemId, payload, Ct));

        Assert.Equal(400, problem.Status);
        Assert.Equal("Optiply refused the new product: name must not be null (HTTP 400).", problem.Message);
        Assert.Contains("\"errors\"", problem.Response);
        Assert.Empty(optiply.Sandbox.Products(OptiplyHub.Account));
    }

    [Fact]
    public async Task A_price_beyond_nine_digits_is_refused_naming_the_price()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var problem = await Assert.ThrowsAsync<OptiplyRefused>(() =>
            optiply.Sink(OptiplyEntity.Products).CreateAsync(ExactItemId, OptiplyHub.Product(price: 1_234_567_890m), Ct));

        Assert.Contains("price must have at most 9 digits", problem.Message);
    }
}
