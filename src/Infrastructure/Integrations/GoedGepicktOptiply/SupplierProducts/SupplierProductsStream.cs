using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Suppliers;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SupplierProducts;

/// <summary>
/// A product's supplier as a supplier-product record, id "&lt;product uuid&gt;:&lt;supplier uuid&gt;", with the Optiply ids of
/// the product and the supplier its flows synced. Products without a supplier give no record. When a product's
/// supplier changes, the old pair is no longer read, so the full read reports it deleted.
/// </summary>
public sealed class SupplierProductsStream(GoedGepicktClient client, LinkLookup links) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in client.PagesAsync("products", client.Scope().ToList(), ct))
        {
            var records = new List<SourceRecord>();
            foreach (var product in page.Items)
                if (await RecordAsync(product, ct) is { } record) records.Add(record);
            yield return new SourcePage(records, null);
        }
    }

    /// <summary>By pair id, or by a bare product uuid (a product webhook): the product's current supplier pair.</summary>
    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var parts = sourceId.Split(':');
        var product = await client.GetAsync($"products/{Uri.EscapeDataString(parts[0])}", ct);
        if (product is null || await RecordAsync(product, ct) is not { } record) return null;
        // Another supplier now: the pair asked for is gone (the runner treats null as a deletion).
        return parts.Length > 1 && !string.Equals(record.Id, sourceId, StringComparison.OrdinalIgnoreCase) ? null : record;
    }

    private async Task<SourceRecord?> RecordAsync(JsonObject product, CancellationToken ct)
    {
        var productUuid = product["uuid"]?.ToString()?.ToLowerInvariant();
        var supplierUuid = product["supplier"]?["uuid"]?.ToString()?.ToLowerInvariant();
        if (productUuid is null || string.IsNullOrEmpty(supplierUuid)) return null;
        var data = (JsonObject)product.DeepClone();
        data["OptiplyProductId"] = await links.TargetIdAsync(ProductsFlow.Entity, productUuid, ct);
        data["OptiplySupplierId"] = await links.TargetIdAsync(SuppliersFlow.Entity, supplierUuid, ct);
        return new SourceRecord(SupplierProductId.Of(productUuid, supplierUuid), data);
    }
}
