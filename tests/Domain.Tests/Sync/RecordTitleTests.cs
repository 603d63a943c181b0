using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Sync;

public sealed class RecordTitleTests
{
    private static JsonObject Record(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void Parts_are_filled_from_the_record_and_joined()
    {
        var title = new RecordTitle("{ItemCode}", "{ItemDescription}", "from {SupplierDescription}");

        Assert.Equal("ART-00150 · Steel stool natural · from Houtindustrie Veluwe",
            title.Of(Record("""{"ItemCode":"ART-00150","ItemDescription":"Steel stool natural","SupplierDescription":"Houtindustrie Veluwe"}""")));
    }

    [Fact]
    public void A_part_whose_fields_are_empty_is_left_out_with_its_words()
    {
        var title = new RecordTitle("Order {code}", "{buyer.name}", "from {shop}");

        Assert.Equal("Order 30 · Vevő 29", title.Of(Record("""{"code":"30","buyer":{"name":"Vevő 29"},"shop":"  "}""")));
        Assert.Null(title.Of(Record("""{"other":1}""")));
    }

    [Fact]
    public void Numbers_are_written_as_read_and_padding_is_trimmed()
    {
        Assert.Equal("Order 1037 · EUR 4035.2",
            new RecordTitle("Order {OrderNumber}", "{Currency} {AmountDC}").Of(Record("""{"OrderNumber":1037,"Currency":"EUR","AmountDC":4035.2}""")));
        Assert.Equal("50012 · Leverancier", new RecordTitle("{Code}", "{Name}").Of(Record("""{"Code":"       50012","Name":"Leverancier"}""")));
    }

    [Fact]
    public void Objects_lists_and_nulls_name_nothing()
    {
        var title = new RecordTitle("{Lines}", "{Name}", "{Lines[0].ItemCode}");

        Assert.Equal("A-1", title.Of(Record("""{"Lines":[{"ItemCode":"A-1"}],"Name":null}""")));
    }

    [Fact]
    public void A_long_title_is_cut_to_the_column_width()
    {
        var text = Title(new string('x', 500));

        Assert.Equal(RecordTitle.MaxLength, text!.Length);
        Assert.EndsWith("…", text);

        static string? Title(string value) => new RecordTitle("{Name}").Of(new JsonObject { ["Name"] = value });
    }

    [Fact]
    public void A_part_without_a_field_or_with_a_broken_path_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new RecordTitle("Order"));
        Assert.Throws<ArgumentException>(() => new RecordTitle("{Lines[x]}"));
    }
}
