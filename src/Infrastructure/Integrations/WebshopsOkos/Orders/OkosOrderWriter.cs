using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// Writes a webshop order into Okos-Ügyvitel as one order document, per the seeds: the buyer matched (registered by
/// the shop's customer id, guests by name + e-mail) or created, products matched by code or created from the line,
/// services and payment/shipping methods matched by name or created, VAT keys by short name. An unknown VAT key
/// fails the order with a reason naming it; the document's externalId makes a repeated import return the first one.
/// </summary>
public sealed class OkosOrderWriter
{
    private readonly OkosClient _erp;
    private readonly WebshopSettings _shop;
    private readonly OkosNames _products, _services, _payments, _shippings;
    private readonly Dictionary<string, OrderLine> _newProducts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _serviceVat = new(StringComparer.Ordinal);
    private Task<IReadOnlyList<(string Key, decimal Rate)>>? _vatKeys;

    public OkosOrderWriter(OkosClient erp, WebshopSettings shop)
    {
        _erp = erp;
        _shop = shop;
        _products = new OkosNames(
            async (code, ct) => (await erp.ProductsAsync(code, ct)).FirstOrDefault() is { } p ? OkosClient.Text(p, "id") : null,
            async (code, ct) => OkosClient.Text(await erp.CreateAsync("products", OrderDocument.NewProduct(Line(code)), ct), "id"));
        _services = new OkosNames(
            async (name, ct) => (await erp.ServicesAsync(name, ct)).FirstOrDefault() is { } s ? OkosClient.Text(s, "id") : null,
            async (name, ct) => OkosClient.Text(await erp.CreateAsync("services", new JsonObject { ["name"] = name, ["vatKey"] = ServiceVat(name) }, ct), "id"));
        _payments = OkosNames.FromList(erp.PaymentMethodsAsync, async (name, ct) => OkosClient.Text(await erp.CreateAsync("payment-methods", new JsonObject { ["name"] = name }, ct), "id"));
        _shippings = OkosNames.FromList(erp.ShippingMethodsAsync, async (name, ct) => OkosClient.Text(await erp.CreateAsync("shipping-methods", new JsonObject { ["name"] = name }, ct), "id"));
    }

    /// <summary>The document already written for this order (by its externalId), or null.</summary>
    public async Task<string?> FindAsync(string externalId, CancellationToken ct) =>
        (await _erp.DocumentsAsync("order", null, externalId, 1, 1, ct)).Items.FirstOrDefault() is { } d ? OkosClient.Text(d, "id") : null;

    /// <returns>The document's id and number (number null when the document existed already).</returns>
    /// <exception cref="SyncProblem">An unknown VAT key (named), or a refusal of the ERP.</exception>
    public async Task<(string Id, string? Number)> WriteAsync(WebshopOrder order, CancellationToken ct)
    {
        var known = (await (_vatKeys ??= _erp.VatKeysAsync(ct))).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        if (VatKeys.FirstUnknown(order, known) is { } unknown) throw new SyncProblem(VatKeys.UnknownReason(unknown));

        lock (_newProducts)
        {
            foreach (var line in order.Lines) _newProducts.TryAdd(line.Code, line);
            foreach (var service in order.Services) _serviceVat.TryAdd(service.Name, service.VatKey);
        }
        var customer = await CustomerAsync(order, ct);
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in order.Lines.Select(l => l.Code).Distinct()) products[code] = await _products.IdAsync(code, ct);
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in order.Services.Select(s => s.Name).Distinct()) services[name] = await _services.IdAsync(name, ct);
        var ids = new ResolvedOrder(customer, products, services,
            await _payments.IdAsync(Named(order.PaymentMethod, "Fizetési mód"), ct), await _shippings.IdAsync(Named(order.ShippingMethod, "Szállítási mód"), ct));
        var (id, number, _) = await _erp.CreateDocumentAsync(OrderDocument.Build(order, ids, _shop), ct);
        return (id, number);
    }

    private async Task<string> CustomerAsync(WebshopOrder order, CancellationToken ct)
    {
        var lookup = CustomerMatch.LookupFor(order);
        var found = await _erp.CustomersAsync(lookup.WebshopCustomerId, lookup.Email, lookup.Name, ct);
        return found.FirstOrDefault() is { } existing
            ? OkosClient.Text(existing, "id")
            : OkosClient.Text(await _erp.CreateAsync("customers", CustomerMatch.NewCustomer(order), ct), "id");
    }

    private OrderLine Line(string code)
    {
        lock (_newProducts) return _newProducts[code];
    }

    private string ServiceVat(string name)
    {
        lock (_newProducts) return _serviceVat[name];
    }

    // A shop may leave the method empty (a free pickup); the ERP still needs one on the document.
    private static string Named(string name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name;
}
