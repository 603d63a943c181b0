using System.Text.Json.Nodes;
using Bunit;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Portal.Components.Mapping;

namespace Koppel.Portal.Tests.Components.Mapping;

/// <summary>The preview's summary counts in sentences that agree with their numbers.</summary>
public sealed class PreviewPanelTests : MudComponentTest
{
    private static readonly FieldMapping Saved = new([new FieldRule("name", true, new CopyRule("Description"))]);
    private static readonly FieldMapping Draft = new([new FieldRule("name", true, new ConstantRule(JsonValue.Create("Service")))]);

    private IRenderedComponent<PreviewPanel> Preview(params SampleRecord[] records) => Render<PreviewPanel>(p => p
        .Add(x => x.Samples, new SampleSet(records, null))
        .Add(x => x.Draft, Draft)
        .Add(x => x.Saved, Saved)
        .Add(x => x.Field, "name")
        .Add(x => x.SourceSystem, "Exact Online"));

    [Fact]
    public void One_record_left_out_is_one_that_is_not_mapped()
    {
        var preview = Preview(
            new SampleRecord("1", new JsonObject { ["Description"] = "Hinge" }),
            new SampleRecord("2", new JsonObject { ["Description"] = "Door" }, "Not a stock item"));

        var summary = preview.Find(".preview-summary").TextContent;

        Assert.Contains("2 records read", summary);
        Assert.Contains("1 gets a different name", summary);
        Assert.Contains("1 is not mapped (the flow's rules leave it out)", summary);
        Assert.DoesNotContain("1 are", summary);
    }

    [Fact]
    public void Several_records_left_out_are_counted_in_the_plural()
    {
        var preview = Preview(
            new SampleRecord("1", new JsonObject { ["Description"] = "Hinge" }),
            new SampleRecord("2", new JsonObject { ["Description"] = "Door" }),
            new SampleRecord("3", new JsonObject(), "Not a stock item"),
            new SampleRecord("4", new JsonObject(), "Not a stock item"));

        var summary = preview.Find(".preview-summary").TextContent;

        Assert.Contains("2 get a different name", summary);
        Assert.Contains("2 are not mapped (the flow's rules leave them out)", summary);
        Assert.Equal(2, preview.FindAll(".preview-table tr.changed").Count);
    }
}
