using System.Text.Json.Nodes;
using Koppel.Domain.Audit;

namespace Koppel.Domain.Tests.Audit;

public sealed class AuditChangesTests
{
    private static ConnectionState Connection(Dictionary<string, string?> fields, params string[] secrets) => new(fields, secrets.ToHashSet());

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Given(string system, params string[] secrets) =>
        new Dictionary<string, IReadOnlySet<string>> { [system] = secrets.ToHashSet() };

    [Fact]
    public void Option_leaves_that_differ_are_listed_by_path_and_equal_ones_are_not()
    {
        var before = JsonNode.Parse("""{"warehouses":{"mode":"all","ids":[1,2]},"pageSize":5}""")!.AsObject();
        var after = JsonNode.Parse("""{"warehouses":{"mode":"subset","ids":[1,2,3]},"pageSize":5,"statuses":"open"}""")!.AsObject();

        var changes = AuditChanges.Settings(before, after).ToList();

        Assert.Equal(
            [
                new AuditChange(AuditArea.Option, "settings.statuses", null, "open"),
                new AuditChange(AuditArea.Option, "settings.warehouses.ids", "[1,2]", "[1,2,3]"),
                new AuditChange(AuditArea.Option, "settings.warehouses.mode", "all", "subset"),
            ],
            changes);
    }

    [Fact]
    public void A_secret_given_again_shows_as_changed_without_its_value()
    {
        var before = new Dictionary<string, ConnectionState> { ["exact"] = Connection(new() { ["division"] = "1" }, "clientSecret") };
        var after = new Dictionary<string, ConnectionState> { ["exact"] = Connection(new() { ["division"] = "2" }, "clientSecret") };

        var changes = AuditChanges.Connections(before, after, Given("exact", "clientSecret")).ToList();

        Assert.Equal(
            [
                new AuditChange(AuditArea.Connection, "connections.exact.division", "1", "2"),
                new AuditChange(AuditArea.Connection, "connections.exact.clientSecret", AuditChanges.Hidden, AuditChanges.Hidden + " changed"),
            ],
            changes);
    }

    [Fact]
    public void A_secret_kept_is_not_news_and_one_set_or_removed_says_so()
    {
        var before = new Dictionary<string, ConnectionState> { ["shop"] = Connection(new(), "token", "old") };
        var after = new Dictionary<string, ConnectionState> { ["shop"] = Connection(new(), "token", "fresh") };

        var changes = AuditChanges.Connections(before, after, Given("shop", "fresh")).ToList();

        Assert.Equal(
            [
                new AuditChange(AuditArea.Connection, "connections.shop.fresh", null, AuditChanges.Hidden + " set"),
                new AuditChange(AuditArea.Connection, "connections.shop.old", AuditChanges.Hidden, "(removed)"),
            ],
            changes);
    }

    [Fact]
    public void A_new_connection_lists_its_fields_from_nothing()
    {
        var after = new Dictionary<string, ConnectionState> { ["shop"] = Connection(new() { ["baseUrl"] = "https://shop.example" }, "apiKey") };

        var changes = AuditChanges.Connections(new Dictionary<string, ConnectionState>(), after, Given("shop", "apiKey")).ToList();

        Assert.Equal(
            [
                new AuditChange(AuditArea.Connection, "connections.shop.baseUrl", null, "https://shop.example"),
                new AuditChange(AuditArea.Connection, "connections.shop.apiKey", null, AuditChanges.Hidden + " set"),
            ],
            changes);
    }
}
