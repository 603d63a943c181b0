using System.Text.Json.Nodes;
using Koppel.Infrastructure.Tests.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Connectors.Planfix;

/// <summary>The emulator's task statuses and task list: statuses per process, Planfix's refusal of a foreign status, filters 10, 38, 51 and 79.</summary>
public sealed class PlanfixStatusEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/Planfix/Reference/planfix-fields.txt");

    [Fact]
    public async Task A_task_shows_its_status_and_takes_only_a_status_of_its_process()
    {
        await using var host = await PlanfixHost.StartAsync();
        var task = host.Sandbox.AddTask(PlanfixHost.Account, "Заказ", null);
        var client = host.Client();
        var statuses = (await client.GetAsync("/process/task/1/statuses"))["statuses"]!.AsArray();
        var shipped = statuses.Single(s => s!["name"]!.ToString() == "Отгружен")!["id"]!.GetValue<int>();

        await client.PostAsync($"/task/{task}", new JsonObject { ["status"] = new JsonObject { ["id"] = shipped } });
        var (code, refused) = await host.PostAsync($"/task/{task}", new JsonObject { ["status"] = new JsonObject { ["id"] = 999 } });
        var read = (await client.GetAsync($"/task/{task}?fields=id,status,dateOfLastUpdate"))["task"]!.AsObject();

        Assert.Equal(shipped, read["status"]!["id"]!.GetValue<int>());
        Assert.Equal((400, 41, "Status not find by id"), (code, refused["code"]!.GetValue<int>(), refused["error"]!.ToString()));
        Assert.Empty(Reference.Check("TaskResponse", read));
        Assert.Matches(@"^\d\d-\d\d-\d{4}$", read["dateOfLastUpdate"]!["date"]!.ToString());
    }

    [Fact]
    public async Task The_task_list_filters_by_status_and_by_last_change()
    {
        await using var host = await PlanfixHost.StartAsync();
        var pf = host.Sandbox;
        var shipped = pf.StatusId(PlanfixHost.Account, "Отгружен");
        var (a, b) = (pf.AddTask(PlanfixHost.Account, "A", null), pf.AddTask(PlanfixHost.Account, "B", null));
        pf.SetTaskStatus(PlanfixHost.Account, a, shipped);
        var client = host.Client();
        JsonObject Filters(params JsonObject[] filters) => new() { ["fields"] = "id,status", ["filters"] = new JsonArray(filters.Select(f => f.DeepClone()).ToArray()) };
        var byStatus = new JsonObject { ["type"] = 10, ["operator"] = "equal", ["value"] = new JsonArray(shipped) };
        JsonObject ChangedAfter(DateTime at) => new()
        {
            ["type"] = 38, ["operator"] = "gt",
            ["value"] = new JsonObject { ["dateType"] = "otherDate_withTime", ["dateFrom"] = at.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) },
        };

        var atStatus = (await client.PostAsync("/task/list", Filters(byStatus)))["tasks"]!.AsArray();
        var changedBefore = (await client.PostAsync("/task/list", Filters(ChangedAfter(DateTime.UtcNow.AddMinutes(-5)))))["tasks"]!.AsArray();
        var changedLater = (await client.PostAsync("/task/list", Filters(byStatus, ChangedAfter(DateTime.UtcNow.AddMinutes(5)))))["tasks"]!.AsArray();

        Assert.Equal([a], atStatus.Select(t => t!["id"]!.GetValue<int>()));
        Assert.Equal([a, b], changedBefore.Select(t => t!["id"]!.GetValue<int>()));
        Assert.Empty(changedLater);
    }

    [Fact]
    public async Task The_task_list_filters_by_template_and_a_data_tag_row_moves_the_comment_date_not_the_modification_date()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await PlanfixHost.StartAsync(clock: clock);
        var pf = host.Sandbox;
        var tag = pf.AddDataTag(PlanfixHost.Account, "Lines", ("Quantity", 1));
        var order = pf.AddTask(PlanfixHost.Account, "Order", null, templateId: 7);
        pf.AddTask(PlanfixHost.Account, "Other", null, templateId: 8);
        clock.Advance(TimeSpan.FromMinutes(3));
        var since = clock.GetUtcNow().UtcDateTime;
        pf.AddDataTagEntry(PlanfixHost.Account, tag, order, new Dictionary<string, JsonNode?> { ["Quantity"] = 2 });
        var client = host.Client();
        JsonObject Filters(params JsonObject[] filters) => new() { ["fields"] = "id,template", ["filters"] = new JsonArray(filters.Select(f => f.DeepClone()).ToArray()) };
        var ofTemplate = new JsonObject { ["type"] = 51, ["operator"] = "equal", ["value"] = 7 };
        JsonObject Since(int type) => new()
        {
            ["type"] = type, ["operator"] = "gtAndEqual",
            ["value"] = new JsonObject { ["dateType"] = "otherDate_withTime", ["dateFrom"] = since.ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) },
        };
        int[] Ids(JsonObject answer) => answer["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ToArray();

        var byTemplate = Ids(await client.PostAsync("/task/list", Filters(ofTemplate)));
        var modified = Ids(await client.PostAsync("/task/list", Filters(ofTemplate, Since(38))));
        var modifiedOrCommented = Ids(await client.PostAsync("/task/list", Filters(ofTemplate, Since(79))));
        var (status, refusal) = await host.PostAsync("/task/list", Filters(new JsonObject { ["type"] = 9999, ["operator"] = "equal", ["value"] = 1 }));

        Assert.Equal([order], byTemplate);
        Assert.Empty(modified);
        Assert.Equal([order], modifiedOrCommented);
        Assert.Equal((400, "fail", 41), (status, refusal["result"]!.ToString(), refusal["code"]!.GetValue<int>()));
    }
}
