using System.Diagnostics;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.Planfix;

public sealed class PlanfixEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/Planfix/Reference/planfix-fields.txt");
    private static readonly Dictionary<string, string> Nested = new()
    {
        ["DirectoryEntryResponse.customFieldData"] = "CustomFieldValueResponse",
        ["CustomFieldValueResponse.field"] = "CustomField",
        ["DirectoryEntryResponse.directory"] = "Directory",
    };

    private static JsonObject Entry(int nameField, string name, int stockField, object stock) => new()
    {
        ["customFieldData"] = new JsonArray(
            new JsonObject { ["field"] = new JsonObject { ["id"] = nameField }, ["value"] = name },
            new JsonObject { ["field"] = new JsonObject { ["id"] = stockField }, ["value"] = JsonValue.Create(stock) }),
    };

    private static async Task<(int Name, int Stock)> FieldIdsAsync(PlanfixClient client, int directory)
    {
        var fields = (await client.GetAsync($"/customfield/directory/{directory}"))["customfields"]!.AsArray();
        int Id(string name) => fields.Single(f => f!["name"]!.ToString() == name)!["id"]!.GetValue<int>();
        return (Id("Name"), Id("Stock"));
    }

    [Fact]
    public async Task An_unknown_token_gets_401_with_code_1_in_Planfix_error_envelope()
    {
        await using var host = await PlanfixHost.StartAsync();

        var (status, body) = await host.PostAsync("/directory/list", new JsonObject(), token: "nope");

        Assert.Equal(401, status);
        Assert.Equal(("fail", 1), (body["result"]!.ToString(), body["code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_second_request_within_a_second_is_refused_and_the_paced_client_never_is()
    {
        await using var host = await PlanfixHost.StartAsync(throttled: true);

        var first = await host.PostAsync("/directory/list", new JsonObject());
        var second = await host.PostAsync("/directory/list", new JsonObject());
        await Task.Delay(1100);
        var client = host.Client(paced: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) await client.PostAsync("/directory/list", new JsonObject());

        Assert.Equal((200, 429), (first.Status, second.Status));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"3 calls took {clock.Elapsed}");
        Assert.Equal(5, host.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task The_daily_limit_answers_code_22_and_stops_the_run()
    {
        await using var host = await PlanfixHost.StartAsync();
        host.Sandbox.SetDailyRequestsLeft(PlanfixHost.Account, 0);

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => host.Client().PostAsync("/directory/list", new JsonObject()));

        Assert.Contains("code 22", stopped.Message);
    }

    [Fact]
    public async Task Entries_are_created_listed_by_pages_of_at_most_100_filtered_by_a_line_field_and_show_only_the_custom_fields_asked()
    {
        await using var host = await PlanfixHost.StartAsync();
        var client = host.Client();
        var (name, stock) = await FieldIdsAsync(client, host.Directory);
        for (var i = 0; i < 105; i++)
            await client.PostAsync($"/directory/{host.Directory}/entry/", Entry(name, $"P{i}", stock, i));

        var pages = new List<IReadOnlyList<JsonObject>>();
        await foreach (var page in client.PagesAsync($"/directory/{host.Directory}/entry/list", new JsonObject { ["fields"] = $"key,{name}" }, "directoryEntries"))
            pages.Add(page);
        var found = (await client.PostAsync($"/directory/{host.Directory}/entry/list", new JsonObject
        {
            ["fields"] = $"key,{name},{stock}",
            ["filters"] = new JsonArray(new JsonObject { ["type"] = 6101, ["operator"] = "equal", ["field"] = name, ["value"] = "P42" }),
        }))["directoryEntries"]!.AsArray();
        var tooBig = await host.PostAsync($"/directory/{host.Directory}/entry/list", new JsonObject { ["pageSize"] = 101 });

        Assert.Equal([100, 5], pages.Select(p => p.Count));
        Assert.All(pages.SelectMany(p => p), e => Assert.Single(e["customFieldData"]!.AsArray()));
        var entry = Assert.Single(found)!;
        Assert.Equal(42, entry["customFieldData"]!.AsArray().Single(v => v!["field"]!["id"]!.GetValue<int>() == stock)!["value"]!.GetValue<int>());
        Assert.Equal((400, 41), (tooBig.Status, tooBig.Body["code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_with_code_41()
    {
        await using var host = await PlanfixHost.StartAsync();
        var client = host.Client();
        var (name, stock) = await FieldIdsAsync(client, host.Directory);

        var refused = await Assert.ThrowsAsync<PlanfixRefused>(() => client.PostAsync($"/directory/{host.Directory}/entry/", Entry(name, "X", stock, "many")));

        Assert.Equal(41, refused.Code);
        Assert.Empty(host.Sandbox.Entries(PlanfixHost.Account, host.Directory));
    }

    [Fact]
    public async Task Directory_fields_and_entries_have_only_fields_of_Planfix_swagger()
    {
        await using var host = await PlanfixHost.StartAsync();
        var client = host.Client();
        var (name, stock) = await FieldIdsAsync(client, host.Directory);
        var key = (await client.PostAsync($"/directory/{host.Directory}/entry/", Entry(name, "A", stock, 3)))["key"]!.GetValue<int>();

        var fields = (await client.GetAsync($"/customfield/directory/{host.Directory}"))["customfields"]!.AsArray();
        var entries = (await client.PostAsync($"/directory/{host.Directory}/entry/list", new JsonObject()))["directoryEntries"]!.AsArray();
        var one = (await client.GetAsync($"/directory/{host.Directory}/entry/{key}?fields=key,archived,directory,{name},{stock}"))["entry"]!.AsObject();
        var directories = (await client.PostAsync("/directory/list", new JsonObject()))["directories"]!.AsArray();

        var problems = fields.SelectMany(f => Reference.Check("CustomField", f!.AsObject()))
            .Concat(entries.SelectMany(e => Reference.Check("DirectoryEntryResponse", e!.AsObject(), Nested)))
            .Concat(Reference.Check("DirectoryEntryResponse", one, Nested))
            .Concat(directories.SelectMany(d => Reference.Check("Directory", d!.AsObject())));
        Assert.Empty(problems);
        Assert.Equal(2, one["customFieldData"]!.AsArray().Count);
    }
}
