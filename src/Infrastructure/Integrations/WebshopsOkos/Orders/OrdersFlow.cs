using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.Unas;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// Every 5 minutes (and on "Sync now"), each new order of a webshop becomes one Okos-Ügyvitel order document in the
/// webshop's numbering sequence and warehouse (<see cref="OkosOrderWriter"/> holds the seeds' matching rules). An order
/// is imported once: a change after the import is not imported again.
/// </summary>
public static class OrdersFlow
{
    public const string Key = "orders";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Orders",
        Entity = "order",
        SourceSystem = "Webshop",
        TargetSystem = "Okos-Ügyvitel",
        Title = new("Order {code}", "{buyer.name}"),
        DefaultSchedule = "5",
        DefaultMapping = FieldMapping.Of(OrderJson.Fields.Select(f => (f, Rules.Copy(f))).ToArray()),
        TargetFields = OrderJson.Fields.Select(f => new TargetField(f, f switch
        {
            "buyer" => "object", "lines" or "services" => "list", "date" => "datetime", "invoiceStatus" => "number", _ => "text",
        })).ToList(),
        CreateOnly = true,
        // settings.orders.intervalMinutes is the download cadence; a save sets it on every webshop's copy of the flow.
        ScheduleFromSettings = s => ((WebshopsOkosSettings)s).Orders.IntervalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var shop = Webshop.Of(context);
        var since = Since(context, shop);
        var erp = OkosClient.For(context.Connection(OkosAccount.System), context.Http);
        ISourceStream source = shop.IsUnas
            ? new UnasOrderStream(UnasClient.For(shop.Connection, context.Http, context.Clock), shop.Key, since)
            : new ShopRenterOrderStream(ShopRenterClient.For(shop.Connection, context.Http, context.Clock), shop.Key, since);
        var options = $"webshops.{shop.Key}";
        List<IRecordRule> rules = [new SkipOrdersBefore(since, options + ".ordersSince")];
        if (shop.IsUnas && shop.Settings.OrderStatuses == OrderStatuses.Invoiceable) rules.Add(new SkipUntilInvoiceable(options + ".orderStatuses"));
        return new FlowParts(source, new OrderDocumentSink(new OkosOrderWriter(erp, shop.Settings)), rules);
    }

    /// <summary>The webshop's ordersSince, or the day the tenant was created.</summary>
    public static DateOnly Since(FlowContext context, Webshop shop) =>
        shop.Settings.OrdersSince ?? DateOnly.FromDateTime(context.Tenant.CreatedAt);
}
