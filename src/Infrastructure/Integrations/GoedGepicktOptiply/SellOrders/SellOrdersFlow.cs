using System.Globalization;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SellOrders;

/// <summary>
/// A new GoedGepickt order becomes an Optiply sell order once (placed, total, a line per product); a cancelled order
/// is removed. Real time through the orderStatusChanged webhook, plus a catch-up run over the orders since the
/// tenant's start date.
/// </summary>
public static class SellOrdersFlow
{
    public const string Key = "sell-orders";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Sell orders",
        Entity = "sellOrder",
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("Order {orderNumber}", "{customer.name}"),
        DefaultSchedule = "60",
        DefaultMapping = DefaultMappings.SellOrders,
        TargetFields =
        [
            new("placed", "datetime", "Order date"),
            new("totalValue", "number", "Order total"),
            new("orderLines", "list", "Lines: product, quantity, subtotal"),
        ],
        CreateOnly = true,
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var client = GgFlowParts.Client(context);
        var since = Since(context);
        // GG's createdAfter takes a date; one day earlier covers the time zones, the rule decides exactly.
        var query = client.Scope().Append(("createdAfter", since.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        IRecordRule[] rules =
        [
            new OnlyFulfilmentCustomer(client.Account.FulfilmentCustomerUuid),
            new SkipOrdersBefore(since),
            new DeleteCancelledOrder(),
            new SellOrderLines(),
        ];
        return new FlowParts(new GoedGepicktStream(client, "orders", query), new SellOrderSink(OptiplySinks.SellOrders(context), context.Links), rules);
    }

    /// <summary>The tenant's sellOrders.since, or the day the tenant was created (in Europe/Amsterdam).</summary>
    public static DateOnly Since(FlowContext context) =>
        GgFlowParts.Settings(context).SellOrders.Since
        ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(context.Tenant.CreatedAt, DateTimeKind.Utc), SkipOrdersBefore.Amsterdam));
}
