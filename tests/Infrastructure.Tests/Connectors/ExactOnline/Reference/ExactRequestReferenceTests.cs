using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.ExactOptiply.Compositions;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.Stocks;
using Koppel.Infrastructure.Integrations.ExactOptiply.SupplierProducts;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline.Reference;

/// <summary>Every request the Exact connector builds asks only for fields Exact's reference has.</summary>
public sealed class ExactRequestReferenceTests
{
    [Fact]
    public void The_reference_has_the_bill_of_material_version_fields_and_no_item_code()
    {
        var fields = ExactReference.Fields["sync/Manufacturing/BillOfMaterialVersions"];

        Assert.Contains("Item", fields);
        Assert.Contains("Timestamp", fields);
        Assert.DoesNotContain("ItemCode", fields);
        Assert.Equal(25, fields.Count);
    }

    [Fact]
    public void A_field_Exact_does_not_have_is_refused_as_Exact_refuses_it()
    {
        var refusals = ExactReference.Refusals("/api/v1/310520/sync/Manufacturing/BillOfMaterialVersions?$select=ID,Item,ItemCode&$filter=Timestamp gt 1L and IsDefault eq 1");

        Assert.Equal(["sync/Manufacturing/BillOfMaterialVersions: No property 'ItemCode' exists in type 'sync/Manufacturing/BillOfMaterialVersions'"], refusals);
    }

    [Fact]
    public async Task Every_request_of_every_flow_selects_and_filters_only_fields_of_the_reference()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        string[] flows =
        [
            ProductsFlow.Key, SuppliersFlow.Key, SupplierProductsFlow.Key, CompositionsFlow.Key, StocksFlow.Key,
            .. ExactOptiplyIntegration.Definition.Flows.Select(f => f.Key),
        ];
        foreach (var flow in flows.Distinct())
        {
            await hub.RunAsync(flow);
            await hub.RunAsync(flow);
        }
        await hub.RunAsync(ProductsFlow.Key, RunMode.Full);

        var requests = hub.Exact.Requests.ToList();
        var refused = requests.SelectMany(r => ExactReference.Refusals(r.Split(' ', 2)[1])).Distinct().ToList();

        Assert.True(requests.Count > 20);
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
    }
}
