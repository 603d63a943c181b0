using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>Orders dated before the webshop's ordersSince are never imported (silently: they are history, not errors).</summary>
/// <param name="option">The path of the webshop's ordersSince in the tenant's settings.</param>
internal sealed class SkipOrdersBefore(DateOnly since, string option) : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        DateTime.TryParse(data["date"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) && DateOnly.FromDateTime(date) < since
            ? new RuleDecision.Skip($"The order is dated before {since:yyyy-MM-dd}, the webshop's ordersSince.", Log: false, option)
            : RuleDecision.Continue(data);
}

/// <summary>UNAS option "only invoiceable orders": an order waits (logged) until it reaches the status; its change brings it back.</summary>
/// <param name="option">The path of the webshop's orderStatuses in the tenant's settings.</param>
internal sealed class SkipUntilInvoiceable(string option) : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        UnasOrderFilter.Imports(OrderStatuses.Invoiceable, (int?)data["invoiceStatus"])
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip(UnasOrderFilter.WaitingReason, Setting: option);
}
