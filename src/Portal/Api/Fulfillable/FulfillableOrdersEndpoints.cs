using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Fulfillable;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Fulfillable;

/// <summary>
/// The fulfillable orders of a tenant with webshops on Okos-Ügyvitel (the seeds' "Teljesíthető rendelések"): the ERP's
/// open orders marked fulfillable or not, a packing summary of fulfillable ones and a purchase list for the others.
/// Read live from the ERP on every call; customers see their own tenant's.
/// </summary>
public static class FulfillableOrdersEndpoints
{
    public static RouteGroupBuilder MapFulfillableOrdersEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapTenantGroup().MapGroup("/fulfillable-orders").ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("", ListAsync).OpenToCustomers();
        group.MapPost("/packing-summary", PackingSummaryAsync).OpenToCustomers();
        group.MapPost("/purchase-list", PurchaseListAsync).OpenToCustomers();
        return api;
    }

    /// <summary>One open order: fulfillable from its warehouse's stock or not, and then what it lacks per product code.</summary>
    public sealed record OrderAnswer(string Id, string Number, DateTime Date, string WarehouseId, string Customer, string? Webshop, bool Fulfillable,
        IReadOnlyList<OpenOrderLine> Lines, IReadOnlyDictionary<string, decimal> Missing);

    /// <summary>The open, not yet invoiced orders, oldest first.</summary>
    public sealed record OrdersAnswer(IReadOnlyList<OrderAnswer> Orders);

    /// <summary>The selected order documents, by the ERP's document id.</summary>
    public sealed record Selection(IReadOnlyList<string>? DocumentIds);

    public sealed record PackingAnswer(IReadOnlyList<PackingRow> Rows);
    public sealed record PurchaseAnswer(IReadOnlyList<PurchaseRow> Rows);

    private static async Task<Results<Ok<OrdersAnswer>, ProblemHttpResult>> ListAsync(string tenant, FulfillableOrdersReader reader, CancellationToken ct)
    {
        var (erp, problem) = await ReadAsync(tenant, reader, ct);
        if (erp is null) return problem!;
        return TypedResults.Ok(new OrdersAnswer(erp.Allocate().Select(f => new OrderAnswer(f.Order.Id, f.Order.Number, f.Order.Date, f.Order.WarehouseId,
            f.Order.Customer, f.Order.Webshop, f.Fulfillable, f.Order.Lines, f.Missing)).ToList()));
    }

    /// <summary>Per product, what to pack for the selected fulfillable orders; <c>?format=csv</c> answers the CSV to print or open.</summary>
    private static async Task<Results<Ok<PackingAnswer>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> PackingSummaryAsync(
        string tenant, Selection body, string? format, FulfillableOrdersReader reader, CancellationToken ct)
    {
        var (erp, problem) = await ReadAsync(tenant, reader, ct);
        if (erp is null) return problem!;
        var allocated = erp.Allocate();
        var (selected, invalid) = Select(body, allocated);
        if (invalid is not null) return invalid;
        var unfulfillable = selected.Where(s => !s.Fulfillable).Select(s => s.Order.Number).ToList();
        if (unfulfillable.Count > 0)
            return ApiResults.Invalid([new InputError("documentIds", $"Only fulfillable orders are packed; not fulfillable: {string.Join(", ", unfulfillable)}.")]);
        var rows = PackingSummary.For(selected.Select(s => s.Order));
        return format?.Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.Text(PackingSummary.Csv(rows), "text/csv; charset=utf-8")
            : TypedResults.Ok(new PackingAnswer(rows));
    }

    /// <summary>
    /// Per product of the selected orders: stock in their warehouses, minimum, incoming and the quantity to purchase;
    /// <c>?format=csv</c> answers the CSV to print or open.
    /// </summary>
    private static async Task<Results<Ok<PurchaseAnswer>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> PurchaseListAsync(
        string tenant, Selection body, string? format, FulfillableOrdersReader reader, CancellationToken ct)
    {
        var (erp, problem) = await ReadAsync(tenant, reader, ct);
        if (erp is null) return problem!;
        var (selected, invalid) = Select(body, erp.Allocate());
        if (invalid is not null) return invalid;
        var rows = erp.PurchaseListFor(selected.Select(s => s.Order).ToList());
        return format?.Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.Text(PurchaseList.Csv(rows), "text/csv; charset=utf-8")
            : TypedResults.Ok(new PurchaseAnswer(rows));
    }

    private static (IReadOnlyList<FulfillableOrder> Selected, ValidationProblem? Invalid) Select(Selection body, IReadOnlyList<FulfillableOrder> open)
    {
        var ids = body.DocumentIds ?? [];
        if (ids.Count == 0) return ([], ApiResults.Invalid([new InputError("documentIds", "Select at least one order document.")]));
        var byId = open.ToDictionary(o => o.Order.Id, StringComparer.Ordinal);
        var unknown = ids.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            return ([], ApiResults.Invalid([new InputError("documentIds", $"Not an open order document: {string.Join(", ", unknown)}.")]));
        return (ids.Distinct(StringComparer.Ordinal).Select(id => byId[id]).OrderBy(o => o.Order.Date).ThenBy(o => o.Order.Number, StringComparer.Ordinal).ToList(), null);
    }

    private static async Task<(ErpOpenOrders? Erp, ProblemHttpResult? Problem)> ReadAsync(string tenant, FulfillableOrdersReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadAsync(tenant, ct) is { } erp
                ? (erp, null)
                : (null, ApiResults.NotFound("This tenant's integration has no fulfillable orders: they belong to webshops on Okos-Ügyvitel."));
        }
        catch (SyncProblem e)
        {
            // The ERP did not answer as it should: a gateway problem, with its reason in the hub's words.
            return (null, TypedResults.Problem(e.Message, statusCode: StatusCodes.Status502BadGateway, title: "Okos-Ügyvitel could not be read"));
        }
    }
}
