using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Compositions;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class CompositionsFlowTests
{
    private const string Flow = CompositionsFlow.Key;

    private static async Task<ExactOptiplyHub> StartAsync(JsonObject? settings = null, int items = 40, Action<ExactOptiplyHub>? before = null)
    {
        var hub = await ExactOptiplyHub.StartAsync(items: items, settings: settings);
        before?.Invoke(hub);
        await hub.RunAsync(ProductsFlow.Key);
        return hub;
    }

    private static List<JsonObject> Lines(ExactOptiplyHub hub) => hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialMaterials).ToList();

    private static JsonObject VersionOf(ExactOptiplyHub hub, JsonObject line) =>
        hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialVersions).Single(v => (string?)v["ID"] == (string?)line["ItemVersion"]);

    /// <summary>The code of the item a line's version makes (versions carry only the item's ID, as in Exact).</summary>
    private static string? ComposedCode(ExactOptiplyHub hub, JsonObject line) =>
        (string?)hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).Single(i => (string?)i["ID"] == (string?)VersionOf(hub, line)["Item"])["Code"];

    private static string ProductId(ExactOptiplyHub hub, string itemId) => hub.OptiplyByRemoteId("products", itemId)!["id"]!.ToString();

    /// <summary>Adds a bill of material (version and one line) to the Exact emulator; returns the line.</summary>
    private static JsonObject AddBom(ExactOptiplyHub hub, string composedCode, string partCode, double quantityBatch, double batch = 1, int isDefault = 1)
    {
        var d = hub.Exact.Division(ExactOptiplyHub.Division);
        lock (d.Lock)
        {
            var items = d.Set(ExactDivision.Items).Rows;
            var composed = items.Single(i => (string?)i["Code"] == composedCode);
            var part = items.Single(i => (string?)i["Code"] == partCode);
            var version = d.Save(ExactDivision.BillOfMaterialVersions, new JsonObject
            {
                ["ID"] = Guid.NewGuid().ToString(), ["Item"] = composed["ID"]!.ToString(), ["Description"] = "Test",
                ["IsDefault"] = isDefault, ["BatchQuantity"] = batch, ["VersionNumber"] = 2, ["Status"] = 30, ["Type"] = 20,
            });
            var line = d.Save(ExactDivision.BillOfMaterialMaterials, new JsonObject
            {
                ["ID"] = Guid.NewGuid().ToString(), ["ItemVersion"] = version["ID"]!.ToString(), ["PartItem"] = part["ID"]!.ToString(), ["PartItemCode"] = partCode,
                ["Description"] = "Test part", ["Quantity"] = quantityBatch / batch, ["QuantityBatch"] = quantityBatch, ["Type"] = 1, ["LineNumber"] = 1,
            });
            return (JsonObject)line.DeepClone();
        }
    }

    [Fact]
    public async Task Default_bill_of_material_lines_become_compositions_and_the_generated_cycle_is_rejected_with_both_items_named()
    {
        await using var hub = await StartAsync();

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var lines = Lines(hub);
        var log = await hub.LogAsync(run.Id);
        var crossing = log.Where(e => e.Outcome == Outcome.Skipped).ToList();
        Assert.NotEmpty(crossing);
        Assert.Equal(lines.Count, run.Created + crossing.Count);
        // The generator's cycle: ART-00001 is made with ART-00002 and ART-00002 with ART-00001. The later line loses.
        var cycle = lines.Where(l => new[] { "ART-00001", "ART-00002" }.Contains(ComposedCode(hub, l)) && new[] { "ART-00001", "ART-00002" }.Contains((string?)l["PartItemCode"])).ToList();
        Assert.Equal(2, cycle.Count);
        Assert.NotNull(hub.OptiplyByRemoteId("productCompositions", cycle[0]["ID"]!.ToString()));
        Assert.Null(hub.OptiplyByRemoteId("productCompositions", cycle[1]["ID"]!.ToString()));
        var rejected = crossing.Single(e => e.SourceKey == cycle[1]["ID"]!.ToString());
        Assert.Contains("makes ART-00002 out of ART-00001, but ART-00001 is already made out of ART-00002", rejected.Message);

        foreach (var line in lines.Where(l => crossing.All(c => c.SourceKey != l["ID"]!.ToString())))
        {
            var composition = hub.OptiplyByRemoteId("productCompositions", line["ID"]!.ToString())!;
            Assert.Equal(ProductId(hub, VersionOf(hub, line)["Item"]!.ToString()), composition["composedProductId"]!.ToString());
            Assert.Equal(ProductId(hub, line["PartItem"]!.ToString()), composition["partProductId"]!.ToString());
            Assert.Equal((int)Math.Ceiling((double)line["QuantityBatch"]!), (int)composition["partQuantity"]!);
        }
        AssertNoProductIsItsOwnPart(hub);
    }

    [Fact]
    public async Task A_longer_crossing_is_rejected_too_naming_the_way_round()
    {
        await using var hub = await StartAsync(before: h =>
        {
            AddBom(h, "ART-00003", "ART-00004", 1);
            AddBom(h, "ART-00004", "ART-00005", 1);
            AddBom(h, "ART-00005", "ART-00003", 1);
        });

        var run = await hub.RunAsync(Flow);

        var closing = Lines(hub).Single(l => (string?)l["PartItemCode"] == "ART-00003" && ComposedCode(hub, l) == "ART-00005");
        Assert.Null(hub.OptiplyByRemoteId("productCompositions", closing["ID"]!.ToString()));
        var entry = (await hub.LogAsync(run.Id)).Single(e => e.SourceKey == closing["ID"]!.ToString());
        Assert.Equal(Outcome.Skipped, entry.Outcome);
        Assert.Contains("makes ART-00005 out of ART-00003, but ART-00003 is already made out of ART-00005 through ART-00003 -> ART-00004 -> ART-00005", entry.Message);
        AssertNoProductIsItsOwnPart(hub);
    }

    [Theory]
    [InlineData(false, 12, 3)]
    [InlineData(true, 3, 1)]
    public async Task Part_quantity_is_per_batch_or_scaled_to_one_composed_product_and_rounded_up_to_at_least_1(bool scale, int expected, int expectedSmall)
    {
        JsonObject? line = null, small = null;
        await using var hub = await StartAsync(
            new JsonObject { ["compositions"] = new JsonObject { ["scalePartQuantityByBatch"] = scale } },
            before: h =>
            {
                // A batch of 4 takes 12 of one part, and 3 of another (0.75 per product).
                line = AddBom(h, "ART-00009", "ART-00010", 12, batch: 4);
                small = AddBom(h, "ART-00015", "ART-00016", 3, batch: 4);
            });

        var run = await hub.RunAsync(Flow);

        Assert.Equal(expected, (int)hub.OptiplyByRemoteId("productCompositions", line!["ID"]!.ToString())!["partQuantity"]!);
        Assert.Equal(expectedSmall, (int)hub.OptiplyByRemoteId("productCompositions", small!["ID"]!.ToString())!["partQuantity"]!);
        var entry = (await hub.LogAsync(run.Id)).Single(e => e.SourceKey == small!["ID"]!.ToString());
        if (scale) Assert.Contains("part quantity 0.75 was rounded up to 1", entry.Message);
        else Assert.DoesNotContain("rounded", entry.Message);
    }

    [Fact]
    public async Task Only_default_versions_count_and_a_version_that_stops_being_default_loses_its_compositions()
    {
        JsonObject? other = null;
        await using var hub = await StartAsync(before: h => other = AddBom(h, "ART-00008", "ART-00011", 2, isDefault: 0));
        await hub.RunAsync(Flow);
        Assert.Null(hub.OptiplyByRemoteId("productCompositions", other!["ID"]!.ToString()));
        var synced = Lines(hub).First(l => hub.OptiplyByRemoteId("productCompositions", l["ID"]!.ToString()) is not null);
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialVersions, synced["ItemVersion"]!.ToString(), v => v["IsDefault"] = 0);

        var run = await hub.RunAsync(Flow);

        Assert.True(run.Deleted >= 1);
        Assert.Null(hub.OptiplyByRemoteId("productCompositions", synced["ID"]!.ToString()));
    }

    [Fact]
    public async Task A_line_deleted_in_Exact_deletes_its_composition()
    {
        await using var hub = await StartAsync();
        await hub.RunAsync(Flow);
        var gone = Lines(hub).First(l => hub.OptiplyByRemoteId("productCompositions", l["ID"]!.ToString()) is not null);
        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialMaterials, gone["ID"]!.ToString());

        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        Assert.Null(hub.OptiplyByRemoteId("productCompositions", gone["ID"]!.ToString()));
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_reads_one_page_of_each_endpoint_and_one_change_is_one_update()
    {
        await using var hub = await StartAsync();
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;
        var reads = hub.Exact.CountRequests("/api/v1/");

        var quiet = await hub.RunAsync(Flow);

        Assert.Equal((0, 0, 0), (quiet.Read, quiet.Created, quiet.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);
        // Versions, lines and the Deleted log: one page each.
        Assert.Equal(3, hub.Exact.CountRequests("/api/v1/") - reads);

        var changed = Lines(hub).First(l => hub.OptiplyByRemoteId("productCompositions", l["ID"]!.ToString()) is not null);
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialMaterials, changed["ID"]!.ToString(), l => l["QuantityBatch"] = 77.0);
        var run = await hub.RunAsync(Flow);

        Assert.Equal((1, 0, 1), (run.Read, run.Created, run.Updated));
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal(77, (int)hub.OptiplyByRemoteId("productCompositions", changed["ID"]!.ToString())!["partQuantity"]!);
    }

    [Fact]
    public async Task A_line_whose_products_are_not_synced_yet_fails_with_the_reason_and_is_retried()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);

        var early = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, early.Status);
        Assert.Empty(hub.Optiply.Records(ExactOptiplyHub.Account, "productCompositions"));
        var failed = (await hub.LogAsync(early.Id)).Where(e => e.Outcome == Outcome.Failed).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, e => Assert.Contains("not in Optiply yet", e.Message));
        Assert.Contains(failed, e => e.Message.Contains("Exact item ART-"));

        await hub.RunAsync(ProductsFlow.Key);
        var retry = await hub.RunAsync(Flow);

        Assert.Equal(failed.Count, retry.Created);
        Assert.Equal(0, retry.Failed);
    }

    private static void AssertNoProductIsItsOwnPart(ExactOptiplyHub hub)
    {
        var parts = hub.Optiply.Records(ExactOptiplyHub.Account, "productCompositions")
            .ToLookup(c => c["composedProductId"]!.ToString(), c => c["partProductId"]!.ToString());
        foreach (var start in parts.Select(g => g.Key))
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(parts[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                Assert.NotEqual(start, next);
                if (seen.Add(next)) foreach (var p in parts[next]) stack.Push(p);
            }
        }
    }
}
