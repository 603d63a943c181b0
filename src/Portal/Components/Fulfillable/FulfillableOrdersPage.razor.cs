using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Fulfillable;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Koppel.Portal.Components.Fulfillable;

/// <summary>
/// The fulfillable orders of a webshops → Okos-Ügyvitel tenant: the ERP's open orders with their marks, and from a
/// selection the packing summary (fulfillable ones) or the purchase list (the others). Everything is read live through
/// the reader the API uses, so the page and the API always mark the same orders.
/// </summary>
public sealed partial class FulfillableOrdersPage
{
    [Inject] private FulfillableOrdersReader Reader { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ILogger<FulfillableOrdersPage> Log { get; set; } = default!;

    [Parameter] public string Slug { get; set; } = "";

    private ErpOpenOrders? erp;
    private IReadOnlyList<FulfillableOrder> orders = [];
    private readonly HashSet<string> selected = new(StringComparer.Ordinal);
    private bool loading;
    private bool tenantMissing;
    private bool otherIntegration;
    private string? problem;
    private string? loadedSlug;

    /// <summary>What the selection turned into: the rows and the order numbers they were made from.</summary>
    private IReadOnlyList<PackingRow>? packing;
    private IReadOnlyList<PurchaseRow>? purchase;
    private IReadOnlyList<string> summaryOrders = [];

    private IReadOnlyList<FulfillableOrder> SelectedFulfillable => orders.Where(o => o.Fulfillable && selected.Contains(o.Order.Id)).ToList();
    private IReadOnlyList<FulfillableOrder> SelectedShort => orders.Where(o => !o.Fulfillable && selected.Contains(o.Order.Id)).ToList();
    private int FulfillableCount => orders.Count(o => o.Fulfillable);

    protected override async Task OnParametersSetAsync()
    {
        if (loadedSlug == Slug) return;
        loadedSlug = Slug;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        (problem, tenantMissing, otherIntegration) = (null, false, false);
        try
        {
            erp = await Reader.ReadAsync(Slug, CancellationToken.None);
            otherIntegration = erp is null;
            orders = erp?.Allocate() ?? [];
            // Orders invoiced or gone since the last read drop out of the selection; the summaries were of the old state.
            selected.IntersectWith(orders.Select(o => o.Order.Id));
            (packing, purchase, summaryOrders) = (null, null, []);
        }
        catch (KeyNotFoundException)
        {
            tenantMissing = true;
        }
        catch (SyncProblem e)
        {
            // The hub's words for what the ERP did (refused the key, did not answer, ...): safe to show a customer.
            problem = $"Okos-Ügyvitel could not be read: {e.Message}";
            orders = [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.LogError(e, "The fulfillable orders of {Tenant} could not be read", Slug);
            problem = "The orders could not be read just now. Try again in a moment; if it keeps happening, support can see why in the server log.";
            orders = [];
        }
        finally
        {
            loading = false;
        }
    }

    private void Toggle(string id, bool on)
    {
        if (on) selected.Add(id);
        else selected.Remove(id);
    }

    private void SelectAll(bool fulfillable)
    {
        selected.Clear();
        selected.UnionWith(orders.Where(o => o.Fulfillable == fulfillable).Select(o => o.Order.Id));
    }

    private void ShowPacking()
    {
        var chosen = SelectedFulfillable;
        packing = PackingSummary.For(chosen.Select(o => o.Order));
        (purchase, summaryOrders) = (null, chosen.Select(o => o.Order.Number).ToList());
    }

    private void ShowPurchase()
    {
        var chosen = SelectedShort;
        purchase = erp!.PurchaseListFor(chosen.Select(o => o.Order).ToList());
        (packing, summaryOrders) = (null, chosen.Select(o => o.Order.Number).ToList());
    }

    private void CloseSummary() => (packing, purchase, summaryOrders) = (null, null, []);

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");

    private string WarehouseName(string id) => erp?.Warehouses.GetValueOrDefault(id) is { Length: > 0 } name ? name : id;

    /// <summary>What a not fulfillable order lacks, by product name where the ERP knows it.</summary>
    private string Lacks(FulfillableOrder order) =>
        string.Join(", ", order.Missing.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"{Quantity(m.Value)} × {order.Order.Lines.FirstOrDefault(l => l.ProductCode == m.Key)?.Name ?? m.Key}"));

    internal static string Quantity(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
