using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.Preview;

public sealed class PayloadDiffTests
{
    [Fact]
    public void Equal_payloads_have_no_changes()
    {
        var sent = Obj("""{"name":"Oak table","price":12.5,"status":"enabled"}""");

        Assert.Empty(PayloadDiff.Compare(sent, Obj("""{"name":"Oak table","price":12.5,"status":"enabled"}""")));
    }

    [Fact]
    public void A_changed_value_is_reported_with_both_sides()
    {
        var change = Assert.Single(PayloadDiff.Compare(Obj("""{"name":"Oak table","price":12.5}"""), Obj("""{"name":"OAK TABLE","price":12.5}""")));

        Assert.Equal("name", change.Field);
        Assert.Equal("\"Oak table\"", change.BeforeText);
        Assert.Equal("\"OAK TABLE\"", change.AfterText);
    }

    [Fact]
    public void A_field_no_longer_sent_and_a_new_field_are_both_changes()
    {
        var changes = PayloadDiff.Compare(Obj("""{"name":"Oak table","stockLevel":4}"""), Obj("""{"name":"Oak table","eanCode":"8712345678906"}"""));

        Assert.Collection(changes,
            added => Assert.Equal(("eanCode", "(none)", "\"8712345678906\""), (added.Field, added.BeforeText, added.AfterText)),
            removed => Assert.Equal(("stockLevel", "4", "(none)"), (removed.Field, removed.BeforeText, removed.AfterText)));
    }

    [Fact]
    public void Nested_objects_are_compared_by_their_leaves()
    {
        var change = Assert.Single(PayloadDiff.Compare(
            Obj("""{"attributes":{"name":"Oak","price":"12.50"}}"""), Obj("""{"attributes":{"name":"Oak","price":"13.00"}}""")));

        Assert.Equal("attributes.price", change.Field);
    }

    [Fact]
    public void Nothing_sent_before_makes_every_field_a_change()
    {
        var changes = PayloadDiff.Compare(null, Obj("""{"name":"Oak table","price":1}"""));

        Assert.Equal(["name", "price"], changes.Select(c => c.Field));
        Assert.All(changes, c => Assert.Null(c.Before));
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
