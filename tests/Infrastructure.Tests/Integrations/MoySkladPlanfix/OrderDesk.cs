using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Returns;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>
/// A Planfix account set up for the order button as issue 13 fixes it (task fields, the contact's "MoySklad id",
/// a line-items data tag), over a <see cref="MoySkladPlanfixHub"/> whose products are already in the directory.
/// </summary>
public sealed class OrderDesk : IAsyncDisposable
{
    private const string Account = MoySkladPlanfixHub.Account;
    /// <summary>The emulated order process's statuses the desk makes shipments and returns at.</summary>
    public const string Shipped = "Отгружен";
    public const string Returned = "Возврат";
    /// <summary>The Planfix template the desk's order tasks are made from (the settings' planfix.orderTemplateId).</summary>
    public const int OrderTemplate = 7;
    public MoySkladPlanfixHub Hub { get; }
    public int LineItems { get; }

    private OrderDesk(MoySkladPlanfixHub hub, int lineItems) => (Hub, LineItems) = (hub, lineItems);

    public static async Task<OrderDesk> StartAsync(bool withOrganisation = true, TimeProvider? planfixClock = null)
    {
        var hub = await MoySkladPlanfixHub.StartAsync(products: 4, planfixClock: planfixClock);
        var planfix = hub.Planfix;
        foreach (var (name, type) in new[] { (OrderFields.Reserve, 7), (OrderFields.OrderLink, 0), (OrderFields.OrderId, 0), (OrderFields.Errors, 2),
                     (OrderFields.ShipmentLink, 0), (OrderFields.ShipmentId, 0), (OrderFields.ReturnLink, 0), (OrderFields.ReturnId, 0),
                     (OrderFields.InvoiceLink, 0), (OrderFields.InvoiceId, 0) })
            planfix.AddTaskField(Account, name, type);
        planfix.AddTaskField(Account, OrderFields.InvoiceFormat, 8, OrderFields.InvoiceFormats);
        planfix.AddContactField(Account, OrderFields.ContactMoySkladId, 0);
        var lineItems = planfix.AddDataTag(Account, "Товары заказа", (OrderFields.LineProduct, 9), (OrderFields.LineQuantity, 1), (OrderFields.LinePrice, 1));
        var orders = new JsonObject { ["storeId"] = hub.MoySklad.StoreId(Account) };
        if (withOrganisation) orders["organizationId"] = hub.MoySklad.OrganizationId(Account);
        await hub.SaveSettingsAsync(new JsonObject
        {
            ["planfix"] = new JsonObject { ["productDirectoryId"] = hub.Directory, ["lineItemsDataTagId"] = lineItems, ["orderTemplateId"] = OrderTemplate },
            ["orders"] = orders,
            ["shipments"] = new JsonObject { ["atStatuses"] = new JsonArray(planfix.StatusId(Account, Shipped)) },
            ["returns"] = new JsonObject { ["atStatuses"] = new JsonArray(planfix.StatusId(Account, Returned)) },
        });
        await hub.RunAsync(ProductsFlow.Key);
        return new OrderDesk(hub, lineItems);
    }

    public int AddContact(string name, string? email, params string[] phones) => Hub.Planfix.AddContact(Account, name, email, phones);

    /// <summary>An order task of the order template with lines (MoySklad product code, quantity, price in roubles).</summary>
    public int AddOrder(int? contact, params (string Code, decimal Quantity, decimal Price)[] lines)
    {
        var task = Hub.Planfix.AddTask(Account, "Заказ", contact, OrderTemplate);
        SetLines(task, lines);
        return task;
    }

    public void SetLines(int task, params (string Code, decimal Quantity, decimal Price)[] lines)
    {
        Hub.Planfix.ClearDataTagEntries(Account, LineItems, task);
        foreach (var (code, quantity, price) in lines)
            Hub.Planfix.AddDataTagEntry(Account, LineItems, task, new Dictionary<string, JsonNode?>
            {
                [OrderFields.LineProduct] = new JsonObject { ["id"] = Hub.EntryOf(code)["key"]!.GetValue<int>() },
                [OrderFields.LineQuantity] = quantity,
                [OrderFields.LinePrice] = price,
            });
    }

    /// <summary>An API run of a flow (no record named): what a schedule also starts.</summary>
    public Task<Domain.Sync.SyncRun> RunAsync(string flow) => Hub.RunAsync(flow);

    /// <summary>What the "Update order" button does: a single-record run of the orders flow for the task.</summary>
    public Task<Domain.Sync.SyncRun> PressAsync(int task) => Hub.RunOneAsync(OrdersFlow.Key, task.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A manager moves the task to a status; the scenario's "status-changed" request runs shipments, then returns.</summary>
    public async Task<(Domain.Sync.SyncRun Shipments, Domain.Sync.SyncRun Returns)> MoveToAsync(int task, string status)
    {
        Hub.Planfix.SetTaskStatus(Account, task, Hub.Planfix.StatusId(Account, status));
        var id = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await Hub.RunOneAsync(ShipmentsFlow.Key, id), await Hub.RunOneAsync(ReturnsFlow.Key, id));
    }

    /// <summary>What the "Create invoice" button does: a single-record run of the invoices flow for the task.</summary>
    public Task<Domain.Sync.SyncRun> PressInvoiceAsync(int task) =>
        Hub.RunOneAsync(Infrastructure.Integrations.MoySkladPlanfix.Invoices.InvoicesFlow.Key, task.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<JsonObject> Invoices => Hub.MoySklad.InvoicesOf(Account);

    public IReadOnlyList<JsonObject> Demands => Hub.MoySklad.DemandsOf(Account);

    public IReadOnlyList<JsonObject> SalesReturns => Hub.MoySklad.SalesReturnsOf(Account);

    public JsonObject Task(int task) => Hub.Planfix.TaskValues(Account, task);

    public JsonObject Contact(int contact) => Hub.Planfix.Contact(Account, contact);

    public IReadOnlyList<JsonObject> Orders => Hub.MoySklad.OrdersOf(Account);

    public IReadOnlyList<JsonObject> Counterparties => Hub.MoySklad.CounterpartiesOf(Account);

    public IReadOnlyList<JsonObject> Positions(string orderId) => Hub.MoySklad.OrderPositions(Account, orderId);

    public string ProductId(string code) => Hub.Product(code)["id"]!.ToString();

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
