using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

public class RequireLinkedTests
{
    private static readonly RequireLinked Rule = new(("OptiplySupplierId", RequireLinked.Named("Exact supplier", "SupplierCode", "Supplier")));

    [Fact]
    public void A_partner_not_synced_yet_is_retried()
    {
        var data = new JsonObject { ["SupplierCode"] = "50008", ["OptiplySupplierId"] = null };

        var retry = Assert.IsType<RuleDecision.Retry>(Rule.Apply(data));

        Assert.Contains("Exact supplier 50008 is not in Optiply yet", retry.Reason);
    }

    [Fact]
    public void A_partner_skipped_by_its_own_flow_skips_the_record_with_that_cause()
    {
        var data = new JsonObject
        {
            ["SupplierCode"] = "50008",
            ["OptiplySupplierId"] = null,
            [RequireLinked.SkipsField] = new JsonObject { ["OptiplySupplierId"] = "Supplier 50008 has no name in Exact Online. Optiply needs a name." },
        };

        var skip = Assert.IsType<RuleDecision.Skip>(Rule.Apply(data));

        Assert.StartsWith("Exact supplier 50008 is skipped by its own flow: Supplier 50008 has no name in Exact Online. This record", skip.Reason);
        Assert.True(skip.Log);
    }
}
