using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

public sealed class ExactSupplierStreamTests
{
    [Fact]
    public async Task The_suppliers_stream_reads_only_accounts_that_are_suppliers()
    {
        await using var exact = await ExactHub.StartAsync(items: 100);
        var suppliers = exact.Exact.Rows(ExactHub.Division, "Accounts").Count(a => (bool)a["IsSupplier"]!);

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(ExactStreams.Suppliers(exact.Context())));

        Assert.Equal(suppliers, records.Count);
        Assert.All(records, r => Assert.True((bool)r.Data["IsSupplier"]!));
    }

    [Fact]
    public async Task The_seeded_suppliers_include_one_without_a_name_and_invalid_and_missing_emails()
    {
        await using var exact = await ExactHub.StartAsync(items: 100);

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(ExactStreams.Suppliers(exact.Context())));

        Assert.Single(records, r => r.Data["Name"] is null);
        Assert.Contains(records, r => r.Data["Email"] is null);
        Assert.Contains(records, r => (string?)r.Data["Email"] is { } e && !e.Contains('@'));
        Assert.Contains(records, r => (string?)r.Data["Email"] is { } e && e.Contains('@') && !e.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_supplier_comes_back_as_a_deletion()
    {
        await using var exact = await ExactHub.StartAsync(items: 50);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(ExactStreams.Suppliers(exact.Context())));
        var supplier = exact.Exact.Rows(ExactHub.Division, "Accounts").First(a => (bool)a["IsSupplier"]!);
        exact.Exact.Delete(ExactHub.Division, "Accounts", (string)supplier["ID"]!);

        var deletion = Assert.Single(ExactHub.Records(await ExactHub.ReadAllAsync(ExactStreams.Suppliers(exact.Context()), cursor)));

        Assert.True(deletion.Deleted);
        Assert.Equal((string)supplier["ID"]!, deletion.Id);
    }

    [Fact]
    public async Task The_supplier_items_stream_reads_every_item_supplier_link_with_its_purchase_terms()
    {
        await using var exact = await ExactHub.StartAsync(items: 60);
        var links = exact.Exact.Rows(ExactHub.Division, "SupplierItem");

        var records = ExactHub.Records(await ExactHub.ReadAllAsync(ExactStreams.SupplierItems(exact.Context())));

        Assert.Equal(links.Count, records.Count);
        Assert.All(records, r => Assert.Null(r.Problem));
        Assert.Contains(records, r => (double)r.Data["PurchaseLotSize"]! > 1);
        Assert.Contains(records, r => !(bool)r.Data["MainSupplier"]!);
    }

    [Fact]
    public async Task A_changed_supplier_item_is_read_again_from_the_cursor()
    {
        await using var exact = await ExactHub.StartAsync(items: 30);
        var cursor = ExactHub.LastCursor(await ExactHub.ReadAllAsync(ExactStreams.SupplierItems(exact.Context())));
        var link = exact.Exact.Rows(ExactHub.Division, "SupplierItem")[3];
        exact.Exact.Change(ExactHub.Division, "SupplierItem", (string)link["ID"]!, l => l["PurchasePrice"] = 12.5);

        var changed = Assert.Single(ExactHub.Records(await ExactHub.ReadAllAsync(ExactStreams.SupplierItems(exact.Context()), cursor)));

        Assert.Equal(12.5, (double)changed.Data["PurchasePrice"]!);
    }
}
