using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Counterparties;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

/// <summary>
/// Saves the customer order of a Planfix order task in MoySklad: created the first time, then updated with its
/// positions replaced as a whole (the task's stored order id finds it even when the hub has no link). The counterparty
/// is matched or created first; the order's id and link go back to the task. Any failure is also written, in words a
/// manager understands, into the task's Errors field, and cleared by the next success.
/// </summary>
public sealed class MoySkladOrderSink(MoySkladClient moySklad, OrderTasks tasks, CounterpartyMatcher counterparties, OrderOptions options, LinkLookup links) : ITargetSink
{
    private Dictionary<string, string>? _productsByEntry;
    private Dictionary<string, string>? _organisationsByName;

    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => Task.FromResult(tasks.Read(sourceId)?.OrderId);

    public Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) => SaveAsync(sourceId, null, payload, ct);

    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) => SaveAsync(sourceId, targetId, payload, ct);

    /// <summary>A deleted task leaves its MoySklad order alone: documents there are the accounting's, not the hub's.</summary>
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>($"The Planfix task is gone; MoySklad order {targetId} was kept.");

    private async Task<TargetWrite> SaveAsync(string sourceId, string? orderId, JsonObject payload, CancellationToken ct)
    {
        var task = tasks.Read(sourceId) ?? throw new SyncProblem($"The Planfix task {sourceId} was not read in this run.");
        try
        {
            var body = await OrderAsync(task, payload, ct);
            var order = (orderId is null ? null : await moySklad.UpdateAsync("customerorder", orderId, body, ct))
                // A new order, or the stored one was deleted in MoySklad: create it (again).
                ?? await moySklad.CreateAsync("customerorder", body, ct);
            var id = order["id"]!.ToString();
            await tasks.SucceededAsync(task, id, MoySkladClient.Link(order), ct);
            return new TargetWrite(id, order.ToJsonString());
        }
        catch (SyncProblem e)
        {
            try
            {
                await tasks.FailedAsync(task, $"MoySklad order not saved: {e.Message}", ct);
            }
            catch (SyncProblem)
            {
                // Planfix itself refused (e.g. its daily limit): the hub's log still has the first reason, which matters more.
            }
            throw;
        }
    }

    private async Task<JsonObject> OrderAsync(OrderTask task, JsonObject payload, CancellationToken ct)
    {
        var organization = await OrganizationAsync(payload[OrderFields.OrganisationKey]?.ToString(), ct);
        if (payload["contact"] is not JsonObject contact)
            throw new SyncProblem("the order has no counterparty. Choose the customer (a contact) on the order in Planfix, then press again.");
        var agent = await counterparties.EnsureAsync(PlanfixContact.From(contact, task.ContactMoySkladId), ct);
        var positions = new JsonArray();
        var reserve = payload["reserve"]?.GetValue<bool>() == true;
        var lines = payload["positions"] as JsonArray ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i]!.AsObject();
            var product = await ProductOfAsync(line["entry"]?.ToString(), i + 1, ct);
            var quantity = line["quantity"]?.GetValue<decimal>() ?? 0;
            if (quantity <= 0) throw new SyncProblem($"line {i + 1} has no quantity. Enter a quantity above zero, then press again.");
            var position = new JsonObject
            {
                ["assortment"] = Reference("product", product),
                ["quantity"] = quantity,
                ["price"] = line["price"]?.GetValue<decimal>() ?? 0,
            };
            if (reserve) position["reserve"] = quantity;
            positions.Add(position);
        }
        var body = new JsonObject
        {
            ["organization"] = Reference("organization", organization),
            ["agent"] = Reference("counterparty", agent),
            ["positions"] = positions,
        };
        if (options.StoreId is { } store) body["store"] = Reference("store", store.ToString("D"));
        if (payload[OrderFields.ManagerKey] is JsonObject manager) body["owner"] = Reference("employee", await OwnerAsync(manager, ct));
        return body;
    }

    /// <summary>The organisation the task's Organisation field names, else the one chosen in the settings.</summary>
    private async Task<string> OrganizationAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
            return options.OrganizationId?.ToString("D")
                ?? throw new SyncProblem("no MoySklad organisation is chosen: choose one in the order's Organisation field, or support sets a default in the hub's settings (orders.organizationId).");
        if (_organisationsByName is null)
        {
            _organisationsByName = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var page in moySklad.PagesAsync("organization", null, ct))
                foreach (var row in page)
                    if (row["name"]?.ToString() is { } n && row["id"]?.ToString() is { } id) _organisationsByName.TryAdd(n.Trim(), id);
        }
        return _organisationsByName.GetValueOrDefault(name.Trim())
            ?? throw new SyncProblem($"the organisation \"{name}\" chosen on the order is not a MoySklad organisation (any more). Choose another one, then press again.");
    }

    /// <summary>The MoySklad employee with the manager's e-mail (compared exactly after trimming, as for counterparties).</summary>
    private async Task<string> OwnerAsync(JsonObject manager, CancellationToken ct)
    {
        if (manager["email"]?.ToString() is not { Length: > 0 } email)
            throw new SyncProblem($"the manager chosen on the order (Planfix employee {manager["id"]}) has no e-mail in Planfix, so no MoySklad employee can be matched. Enter the employee's e-mail in Planfix, then press again.");
        await foreach (var page in moySklad.PagesAsync("employee", $"email={email}", ct))
            // MoySklad's filter ignores case: the match itself is exact.
            if (page.FirstOrDefault(e => OrderFields.Clean(e["email"]?.ToString()) == email)?["id"]?.ToString() is { } id) return id;
        throw new SyncProblem($"no MoySklad employee has the e-mail {email} of the manager chosen on the order. Give the employee that e-mail in MoySklad, or choose another manager, then press again.");
    }

    /// <summary>The MoySklad product of a product directory entry: the products flow linked them (MoySklad id -> entry key).</summary>
    private async Task<string> ProductOfAsync(string? entry, int line, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(entry) || entry == "0")
            throw new SyncProblem($"line {line} has no product. Choose a product from the catalogue, then press again.");
        _productsByEntry ??= (await links.AllAsync(ProductsFlow.Entity, ct)).GroupBy(l => l.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        return _productsByEntry.GetValueOrDefault(entry)
            ?? throw new SyncProblem($"the product of line {line} (catalogue entry {entry}) is not a MoySklad product the hub knows. Choose a product that came from MoySklad.");
    }

    private JsonObject Reference(string type, string id) => moySklad.Reference(type, id);
}
