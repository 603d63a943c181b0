using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;

/// <summary>
/// Saves the customer invoice of an order task in MoySklad: made from the MoySklad order with MoySklad's template
/// (<c>PUT /entity/invoiceout/new</c> with <c>customerOrder</c>; the order is created first when the task has none),
/// later updated with the order's positions again. Each save prints the invoice in the task's format (MoySklad's
/// export) and attaches the file to the task; id and link go back to the task. The engine's change check keeps a
/// press that changes nothing from writing or attaching anything.
/// </summary>
public sealed class MoySkladInvoiceSink(MoySkladClient moySklad, MoySkladOrderSink orders, OrderTasks orderTasks, InvoiceTasks invoices) : ITargetSink
{
    private const string Type = "invoiceout";

    public async Task<string?> FindAsync(string sourceId, CancellationToken ct)
    {
        var task = Invoice(sourceId);
        if (task.InvoiceId is { } stored && await moySklad.GetAsync(Type, stored, ct) is not null) return stored;
        if (orderTasks.Read(sourceId)?.OrderId is not { } orderId) return null;
        var order = await moySklad.GetAsync("customerorder", orderId, ct);
        return (order?["invoicesOut"] as JsonArray)?.Select(MoySkladClient.IdOf).FirstOrDefault(id => id is not null);
    }

    public Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) => SaveAsync(sourceId, null, payload, ct);

    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) => SaveAsync(sourceId, targetId, payload, ct);

    /// <summary>Invoices in MoySklad are the accounting's: a task gone from Planfix leaves them alone.</summary>
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>($"The Planfix task is gone; MoySklad invoice {targetId} was kept.");

    private async Task<TargetWrite> SaveAsync(string sourceId, string? invoiceId, JsonObject payload, CancellationToken ct)
    {
        var task = Invoice(sourceId);
        var order = orderTasks.Read(sourceId) ?? throw new SyncProblem($"The Planfix task {sourceId} was not read in this run.");
        // The order sink writes its own failures into Errors ("MoySklad order not saved: ...").
        var orderId = order.OrderId ?? (await orders.CreateAsync(sourceId, payload, ct)).TargetId;
        var errors = order.OrderId is null ? "" : order.Errors;
        try
        {
            var template = await moySklad.TemplateAsync(Type, new JsonObject { ["customerOrder"] = moySklad.Reference("customerorder", orderId) }, ct);
            var invoice = (invoiceId is null ? null
                    : await moySklad.UpdateAsync(Type, invoiceId, new JsonObject { ["positions"] = template["positions"]?["rows"]?.DeepClone() ?? new JsonArray() }, ct))
                // New, or the stored one was deleted in MoySklad: made (again) from the template.
                ?? await moySklad.CreateAsync(Type, template, ct);
            var id = invoice["id"]!.ToString();
            var format = payload[InvoiceMapping.Format]?.ToString() ?? OrderFields.FormatOf(null);
            var file = await moySklad.PrintAsync(Type, id, format, ct);
            await invoices.AttachAsync(task, $"Счет покупателю {invoice["name"]}.{format}", file, ct);
            await invoices.SucceededAsync(task, errors, id, MoySkladClient.Link(invoice), ct);
            return new TargetWrite(id, invoice.ToJsonString());
        }
        catch (SyncProblem e)
        {
            try
            {
                await invoices.FailedAsync(task, errors, $"MoySklad invoice not saved: {e.Message}", ct);
            }
            catch (SyncProblem)
            {
                // Planfix itself refused (e.g. its daily limit): the hub's log still has the first reason, which matters more.
            }
            throw;
        }
    }

    private InvoiceTask Invoice(string sourceId) =>
        invoices.Read(sourceId) ?? throw new SyncProblem($"The Planfix task {sourceId} was not read in this run.");
}
