using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

public sealed class ExactRelatedRowsTests
{
    private const string Chair = "7d0a1b2c-3d4e-4f50-8a6b-1c2d3e4f5a6b";

    private static JsonObject Price(string id, string price, string? account = null, string? endDate = null) => JsonNode.Parse($$"""
        {
          "__metadata": { "uri": "https://start.exactonline.nl/api/v1/1/logistics/SalesItemPrices(guid'{{id}}')", "type": "Exact.Web.Api.Models.Logistics.SalesItemPrice" },
          "ID": "{{id}}", "Item": "{{Chair.ToUpperInvariant()}}", "Account": {{(account is null ? "null" : $"\"{account}\"")}},
          "Price": {{price}}, "Currency": "EUR", "Unit": "stuk", "DefaultItemUnit": "stuk", "NumberOfItemsPerUnit": 1, "Quantity": 0,
          "StartDate": "/Date(1704067200000)/", "EndDate": {{(endDate is null ? "null" : $"\"{endDate}\"")}}, "Modified": "/Date(1717243200123)/",
          "Timestamp": 8812345
        }
        """)!.AsObject();

    [Fact]
    public void A_row_comes_back_exactly_as_the_record_check_cleans_it()
    {
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        var sent = Price("0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "12.50", account: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", endDate: "/Date(1735689600000)/");

        rows.Add(sent);

        var (data, problem) = Assert.Single(rows.For(Chair));
        Assert.Null(problem);
        Assert.Equal(ExactRecordCheck.Clean(sent, ExactItemFields.Price).Data.ToJsonString(), data.ToJsonString());
        Assert.Equal(12.50m, data["Price"]!.GetValue<decimal>());
        // Exact's dates are Dutch wall-clock time: midnight in Amsterdam, in winter one hour ahead of UTC.
        Assert.Equal("2025-01-01T00:00:00+01:00", (string?)data["EndDate"]);
        Assert.Equal(8812345, rows.MaxTimestamp);
    }

    [Fact]
    public void An_item_gets_its_rows_in_the_order_they_came_and_no_other_items_rows()
    {
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        rows.Add(Price("00000000-0000-4000-8000-000000000003", "3"));
        rows.Add(Price("00000000-0000-4000-8000-000000000001", "1"));
        var other = Price("00000000-0000-4000-8000-000000000002", "2");
        other["Item"] = "11111111-2222-4333-8444-555555555555";
        rows.Add(other);

        Assert.Equal(["3", "1"], rows.For(Chair.ToUpperInvariant()).Select(r => r.Data["Price"]!.ToJsonString()));
        Assert.Equal(["2"], rows.For("11111111-2222-4333-8444-555555555555").Select(r => r.Data["Price"]!.ToJsonString()));
        Assert.Empty(rows.For("99999999-2222-4333-8444-555555555555"));
    }

    [Fact]
    public void Many_interleaved_rows_spread_over_several_chunks_stay_with_their_item_in_order()
    {
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        string[] items = ["11111111-0000-4000-8000-000000000001", "22222222-0000-4000-8000-000000000002", "33333333-0000-4000-8000-000000000003"];
        for (var i = 0; i < 30_000; i++)
        {
            var price = Price(Guid.NewGuid().ToString(), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            price["Item"] = items[i % 3];
            rows.Add(price);
        }

        for (var n = 0; n < 3; n++)
            Assert.Equal(Enumerable.Range(0, 10_000).Select(k => (3 * k + n).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                rows.For(items[n]).Select(r => r.Data["Price"]!.ToJsonString()));
    }

    [Fact]
    public void A_wrong_typed_field_is_kept_as_sent_with_its_problem()
    {
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        var sent = Price("0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "\"n/a\"");

        rows.Add(sent);

        var (data, problem) = Assert.Single(rows.For(Chair));
        Assert.Equal("field Price: expected a number, got \"n/a\"", problem);
        Assert.Equal("n/a", (string?)data["Price"]);
    }

    [Fact]
    public void A_field_exact_did_not_send_stays_absent_and_a_null_stays_null()
    {
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        var sent = Price("0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "4");
        sent.Remove("Quantity");

        rows.Add(sent);

        var (data, _) = Assert.Single(rows.For(Chair));
        Assert.False(data.ContainsKey("Quantity"));
        Assert.True(data.ContainsKey("Account"));
        Assert.Null(data["Account"]);
    }

    [Fact]
    public void A_row_read_from_the_page_document_is_stored_as_the_same_row_as_a_node()
    {
        var sent = new List<JsonObject>
        {
            // Milliseconds: the cleaned date has none, whether it is stored from the text or from the date.
            Price("0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "12.50", account: "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D", endDate: "/Date(1735689600789)/"),
            Price("00000000-0000-4000-8000-000000000001", "\"n/a\""),
            Price("00000000-0000-4000-8000-000000000002", "\"7.25\""),
            Price("00000000-0000-4000-8000-000000000003", "1E3"),
            Price("00000000-0000-4000-8000-000000000004", "[1, 2]"),
        };
        sent[1]["StartDate"] = "yesterday";
        sent[2]["Currency"] = 978;
        sent[2].Remove("Quantity");
        sent[3]["ID"] = "not an id";
        sent[3]["Unit"] = "Stück \"groß\" 😀";
        sent[4]["Timestamp"] = "8812399";
        var rows = new ExactRelatedRows(ExactItemFields.Price);
        foreach (var row in sent) rows.Add(row);
        using var page = JsonDocument.Parse(new JsonArray([.. sent.Select(r => r.DeepClone())]).ToJsonString());
        var fromElements = new ExactRelatedRows(ExactItemFields.Price);

        foreach (var row in page.RootElement.EnumerateArray()) fromElements.Add(row);

        Assert.Equal(rows.For(Chair).Select(r => (r.Data.ToJsonString(), r.Problem)), fromElements.For(Chair).Select(r => (r.Data.ToJsonString(), r.Problem)));
        Assert.Equal(5, fromElements.For(Chair).Count());
        Assert.Equal(rows.MaxTimestamp, fromElements.MaxTimestamp);
        Assert.Equal(8812399, fromElements.MaxTimestamp);
    }
}
