using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.Unas;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>A webshop product as the stock and prices flows see it: the shop's id, its quantity, normal net price and VAT rate.</summary>
public sealed record ShopProduct(string Id, string Sku, decimal Quantity, decimal NetPrice, decimal VatRate);

/// <summary>The products a lookup found by code, and the codes the shop would not answer for (with its reason).</summary>
public sealed record ShopLookup(IReadOnlyDictionary<string, ShopProduct> Found, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// The products of one webshop, read by code and written one value at a time. A run reads its products once: the
/// stream's lookup is kept, so the sink writes to the product it compared with instead of reading it again.
/// </summary>
public abstract class WebshopProducts
{
    private readonly Dictionary<string, ShopProduct> _read = new(StringComparer.Ordinal);

    public static WebshopProducts For(Webshop shop, FlowContext context) => shop.IsUnas
        ? new UnasProducts(UnasClient.For(shop.Connection, context.Http, context.Clock))
        : new ShopRenterProducts(ShopRenterClient.For(shop.Connection, context.Http, context.Clock));

    public async Task<ShopLookup> LookupAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var lookup = await ReadAsync(skus, ct);
        lock (_read)
            foreach (var (sku, product) in lookup.Found) _read[sku] = product;
        return lookup;
    }

    /// <summary>The product with this code as this run read it, else read now; null when the shop has none.</summary>
    public async Task<ShopProduct?> ProductAsync(string sku, CancellationToken ct)
    {
        lock (_read)
            if (_read.TryGetValue(sku, out var known)) return known;
        var lookup = await LookupAsync([sku], ct);
        return lookup.Problems.TryGetValue(sku, out var problem) ? throw new SyncProblem(problem) : lookup.Found.GetValueOrDefault(sku);
    }

    protected abstract Task<ShopLookup> ReadAsync(IReadOnlyCollection<string> skus, CancellationToken ct);

    /// <returns>The shop's answer, for the log.</returns>
    /// <exception cref="SyncProblem">The shop refused the write.</exception>
    public abstract Task<string> SetQuantityAsync(ShopProduct product, decimal quantity, CancellationToken ct);

    /// <inheritdoc cref="SetQuantityAsync"/>
    public abstract Task<string> SetPriceAsync(ShopProduct product, decimal netPrice, CancellationToken ct);
}
