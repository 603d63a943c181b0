using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>Exact suppliers (accounts) written as Optiply suppliers, following the Exact integration's rules.</summary>
public sealed class OptiplySupplierSinkTests
{
    private const string ExactAccountId = "0b9f3c55-7a61-4e0d-8c2e-91d4f6a7b302";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static JsonObject Supplier(params string[] emails) => new()
    {
        ["name"] = "Van Dijk Groothandel", ["deliveryTime"] = 5, ["emails"] = new JsonArray(emails.Select(e => (JsonNode)e).ToArray()),
    };

    [Fact]
    public async Task A_supplier_is_created_and_found_by_its_remoteId()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Suppliers);

        var write = await sink.CreateAsync(ExactAccountId, Supplier("inkoop@vandijk.example"), Ct);

        Assert.Equal(write.TargetId, await sink.FindAsync(ExactAccountId, Ct));
        var supplier = Assert.Single(optiply.Sandbox.Suppliers(OptiplyHub.Account));
        Assert.Equal("inkoop@vandijk.example", (string?)supplier["emails"]![0]);
        Assert.Equal(5, (int?)supplier["deliveryTime"]);
    }

    [Fact]
    public async Task A_supplier_with_an_invalid_email_is_written_without_emails()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        await optiply.Sink(OptiplyEntity.Suppliers).CreateAsync(ExactAccountId, Supplier("inkoop at vandijk"), Ct);

        var supplier = Assert.Single(optiply.Sandbox.Suppliers(OptiplyHub.Account));
        Assert.Equal("Van Dijk Groothandel", (string?)supplier["name"]);
        Assert.Null(supplier["emails"]);
    }

    [Fact]
    public async Task Deleting_a_supplier_sets_it_to_ignored_instead_of_removing_it()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(OptiplyEntity.Suppliers);
        var write = await sink.CreateAsync(ExactAccountId, Supplier(), Ct);

        await sink.DeleteAsync(write.TargetId, Ct);

        Assert.True((bool?)Assert.Single(optiply.Sandbox.Suppliers(OptiplyHub.Account))["ignored"]);
    }

    [Fact]
    public async Task A_delivery_time_outside_1_to_365_days_is_refused_naming_deliveryTime()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var payload = Supplier();
        payload["deliveryTime"] = 400;

        var problem = await Assert.ThrowsAsync<OptiplyRefused>(() => optiply.Sink(OptiplyEntity.Suppliers).CreateAsync(ExactAccountId, payload, Ct));

        Assert.Contains("deliveryTime must be between 1 and 365", problem.Message);
    }

    [Fact]
    public async Task A_supplier_product_pair_Optiply_already_holds_is_taken_over_instead_of_duplicated()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var product = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());
        var supplier = optiply.Sandbox.Add(OptiplyHub.Account, "suppliers", new JsonObject { ["name"] = "Van Dijk Groothandel" });
        var existing = optiply.Sandbox.Add(OptiplyHub.Account, "supplierProducts",
            new JsonObject { ["name"] = "Koffiebonen", ["productId"] = product, ["supplierId"] = supplier });

        var write = await optiply.Sink(OptiplyEntity.SupplierProducts).CreateAsync("item-supplier-1",
            new JsonObject { ["name"] = "Koffiebonen 1 kg", ["productId"] = product, ["supplierId"] = supplier, ["price"] = "7.10" }, Ct);

        Assert.Equal(existing, write.TargetId);
        var stored = Assert.Single(optiply.Sandbox.SupplierProducts(OptiplyHub.Account));
        Assert.Equal("7.10", (string?)stored["price"]);
    }
}
