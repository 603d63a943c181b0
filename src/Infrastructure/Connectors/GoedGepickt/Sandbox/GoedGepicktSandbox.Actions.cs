using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>What users do in GoedGepickt's screens, for demos and tests; each change fires the webhooks GG would.</summary>
public sealed partial class GoedGepicktSandbox
{
    public string AddWebshop(string account, string name, string? uuid = null)
    {
        var shop = new JsonObject { ["uuid"] = uuid ?? GgAccount.NewUuid(), ["name"] = name, ["url"] = $"https://{name.Replace(' ', '-').ToLowerInvariant()}.example", ["platform"] = "woocommerce" };
        return Write(account, a => a.Webshops[shop["uuid"]!.ToString()] = shop)["uuid"]!.ToString();
    }

    /// <summary>Adds a supplier {uuid?, name, email, backorders "yes"|"no"|"default"}.</summary>
    public JsonObject AddSupplier(string account, JsonObject supplier)
    {
        supplier["uuid"] ??= GgAccount.NewUuid();
        supplier["backorders"] ??= "default";
        return Copy(Write(account, a => a.Suppliers[supplier["uuid"]!.ToString()] = supplier));
    }

    public void ChangeSupplier(string account, string uuid, Action<JsonObject> change) => Write(account, a => { change(a.Suppliers[uuid]); return a.Suppliers[uuid]; });

    /// <summary>Adds a product; missing fields get GG's defaults. Fires product.updated unless <paramref name="fire"/> is false.</summary>
    public JsonObject AddProduct(string account, JsonObject product, bool fire = true)
    {
        product["uuid"] ??= GgAccount.NewUuid();
        product["type"] ??= "normal";
        product["price"] ??= "0.00";
        product["stock"] ??= new JsonObject();
        var stock = product["stock"]!.AsObject();
        stock["freeStock"] ??= 0;
        stock["unlimitedStock"] ??= false;
        stock["totalStock"] = stock["freeStock"]!.GetValue<int>() < 0 ? 0 : stock["freeStock"]!.GetValue<int>();
        stock["reservedStock"] ??= 0;
        foreach (var name in new[] { "costPrice", "supplier", "orderInMultiplesOf", "fulfilmentCustomerUuid", "webshopUuid" }) product[name] ??= null;
        product["purchasable"] ??= true;
        product["ignoreForOptiply"] ??= false;
        var stored = Write(account, a => a.Products[product["uuid"]!.ToString()] = product);
        if (fire) Fire(account, "product.updated", stored, ProductEvent("productUpdated", stored));
        return Copy(stored);
    }

    /// <summary>Changes a product's data (not its stock) and fires product.updated.</summary>
    public void ChangeProduct(string account, string uuid, Action<JsonObject> change)
    {
        var product = Write(account, a => { change(a.Products[uuid]); return a.Products[uuid]; });
        Fire(account, "product.updated", product, ProductEvent("productUpdated", product));
    }

    /// <summary>A stock mutation: sets the free stock and fires product.stockChanged.</summary>
    public void SetFreeStock(string account, string uuid, int freeStock)
    {
        var product = Write(account, a => { a.Products[uuid]["stock"]!["freeStock"] = freeStock; return a.Products[uuid]; });
        var body = ProductEvent(product["type"]?.ToString() == "parent" ? "compoundProductStockUpdated" : "stockUpdated", product);
        body["newStock"] = freeStock.ToString(CultureInfo.InvariantCulture);
        Fire(account, "product.stockChanged", product, body);
    }

    /// <summary>Deletes a product. GG fires no event for it; the nightly run finds out.</summary>
    public void DeleteProduct(string account, string uuid) => Write(account, a => a.Products.Remove(uuid) ? new JsonObject() : new JsonObject());

    /// <summary>Removes a webhook, as a user can under Settings -> Webhooks; the hub's next check subscribes it again.</summary>
    public void RemoveWebhook(string account, string webhookUuid) => Write(account, a => a.Webhooks.Remove(webhookUuid) ? new JsonObject() : new JsonObject());

    /// <summary>Adds an order (fires order.statusChanged, as GG does when an order is created).</summary>
    public JsonObject AddOrder(string account, JsonObject order, bool fire = true)
    {
        order["uuid"] ??= GgAccount.NewUuid();
        order["status"] ??= "open";
        order["createDate"] ??= _clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        order["fulfilmentCustomerUuid"] ??= null;
        order["webshopUuid"] ??= null;
        var lines = order["products"] as JsonArray ?? [];
        order["totalPaid"] ??= GgMoney.Text(lines.Sum(l => decimal.Parse(l!["totalPrice"]?.ToString() ?? "0", CultureInfo.InvariantCulture)));
        var stored = Write(account, a => a.Orders[order["uuid"]!.ToString()] = order);
        if (fire) Fire(account, "order.statusChanged", stored, OrderEvent(stored));
        return Copy(stored);
    }

    public void SetOrderStatus(string account, string uuid, string status)
    {
        var order = Write(account, a => { a.Orders[uuid]["status"] = status; return a.Orders[uuid]; });
        Fire(account, "order.statusChanged", order, OrderEvent(order));
    }

    /// <summary>Goods received on a purchase order line (by SKU). GG fires no event; the receipts run finds it.</summary>
    public void Receive(string account, string purchaseOrderUuid, string sku, int quantity) => Write(account, a =>
    {
        var order = a.PurchaseOrders[purchaseOrderUuid];
        var line = order["lines"]!.AsArray().OfType<JsonObject>().First(l => l["sku"]?.ToString() == sku);
        line["receivedQuantity"] = line["receivedQuantity"]!.GetValue<int>() + quantity;
        if (order["status"]!.ToString() == "open") order["status"] = "partially_received";
        return order;
    });

    public void CompletePurchaseOrder(string account, string purchaseOrderUuid) =>
        Write(account, a => { a.PurchaseOrders[purchaseOrderUuid]["status"] = "completed"; return a.PurchaseOrders[purchaseOrderUuid]; });

    private static JsonObject ProductEvent(string name, JsonObject product) => new()
    {
        ["event"] = name, ["productUuid"] = product["uuid"]!.ToString(), ["productSku"] = product["sku"]?.ToString(),
    };

    private static JsonObject OrderEvent(JsonObject order) => new()
    {
        ["event"] = "orderStatusChanged", ["orderUuid"] = order["uuid"]!.ToString(),
        ["orderNumber"] = order["orderNumber"]?.ToString(), ["newStatus"] = order["status"]!.ToString(),
    };

    /// <summary>Sends the event to every webhook of the account subscribed to it, for all webshops or the record's one.</summary>
    private void Fire(string account, string subscription, JsonObject record, JsonObject body)
    {
        var shop = record["webshopUuid"]?.ToString();
        var hooks = Read(account, a => a.Webhooks.Values
            .Where(w => w["webhookEvent"]!.ToString() == subscription && (w["webshopUuid"] is null || w["webshopUuid"]!.ToString() == shop))
            .Select(Copy).ToList());
        foreach (var hook in hooks) _sender.Send(hook, body);
    }
}
