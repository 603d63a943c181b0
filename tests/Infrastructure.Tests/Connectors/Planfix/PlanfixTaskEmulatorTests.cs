using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Tests.Connectors.Planfix;

/// <summary>The emulator's tasks, contacts and data tag rows: Planfix's shapes, its merge of custom values, its refusals.</summary>
public sealed class PlanfixTaskEmulatorTests
{
    private static readonly FieldReference Reference = FieldReference.Load("Connectors/Planfix/Reference/planfix-fields.txt");
    private static readonly Dictionary<string, string> Nested = new()
    {
        ["TaskResponse.customFieldData"] = "CustomFieldValueResponse",
        ["ContactResponse.customFieldData"] = "CustomFieldValueResponse",
        ["DataTagEntryResponse.customFieldData"] = "CustomFieldValueResponse",
        ["CustomFieldValueResponse.field"] = "CustomField",
        ["ContactResponse.phones"] = "PhoneResponse",
    };

    [Fact]
    public async Task Tasks_contacts_and_data_tag_rows_have_only_fields_of_Planfix_swagger()
    {
        await using var host = await PlanfixHost.StartAsync();
        var (task, contact, tag, ids) = Setup(host);
        var client = host.Client();

        var taskJson = (await client.GetAsync($"/task/{task}?fields=id,name,counterparty,{ids.Errors}"))["task"]!.AsObject();
        var contactJson = (await client.GetAsync($"/contact/{contact}?fields=id,name,lastname,email,phones,{ids.MoySkladId}"))["contact"]!.AsObject();
        var quantity = (await client.GetAsync($"/datatag/{tag}"))["dataTag"]!["fields"]!.AsArray().Single(f => f!["name"]!.ToString() == "Quantity")!["id"]!.GetValue<int>();
        var rows = (await client.PostAsync($"/datatag/{tag}/entry/list", new JsonObject { ["taskId"] = task, ["fields"] = $"key,{quantity}" }))["dataTagEntries"]!.AsArray();
        var taskFields = (await client.GetAsync("/customfield/task"))["customfields"]!.AsArray();

        var problems = Reference.Check("TaskResponse", taskJson, Nested)
            .Concat(Reference.Check("ContactResponse", contactJson, Nested))
            .Concat(rows.SelectMany(r => Reference.Check("DataTagEntryResponse", r!.AsObject(), Nested)))
            .Concat(taskFields.SelectMany(f => Reference.Check("CustomField", f!.AsObject())));
        Assert.Empty(problems);
        Assert.Equal("contact:" + contact, taskJson["counterparty"]!["id"]!.ToString());
        Assert.Equal(3, rows.Single()!["customFieldData"]!.AsArray().Single()!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_task_update_merges_custom_values_by_field_and_refuses_a_key_Planfix_does_not_have()
    {
        await using var host = await PlanfixHost.StartAsync();
        var (task, _, _, ids) = Setup(host);
        var client = host.Client();
        host.Sandbox.SetTaskValue(PlanfixHost.Account, task, "Errors", "old");

        await client.PostAsync($"/task/{task}", new JsonObject { ["customFieldData"] = new JsonArray(new JsonObject { ["field"] = new JsonObject { ["id"] = ids.OrderId }, ["value"] = "abc" }) });
        var (status, refused) = await host.PostAsync($"/task/{task}", new JsonObject { ["moySkladOrder"] = "abc" });

        Assert.Equal(("old", "abc"), (host.Sandbox.TaskValues(PlanfixHost.Account, task)["Errors"]!.ToString(), host.Sandbox.TaskValues(PlanfixHost.Account, task)["MoySklad order id"]!.ToString()));
        Assert.Equal((400, 41), (status, refused["code"]!.GetValue<int>()));
    }

    private static (int Task, int Contact, int Tag, (int Errors, int OrderId, int MoySkladId) Ids) Setup(PlanfixHost host)
    {
        var pf = host.Sandbox;
        const string account = PlanfixHost.Account;
        var errors = pf.AddTaskField(account, "Errors", 2);
        var orderId = pf.AddTaskField(account, "MoySklad order id", 0);
        var moySkladId = pf.AddContactField(account, "MoySklad id", 0);
        var tag = pf.AddDataTag(account, "Lines", ("Product", 9), ("Quantity", 1));
        var contact = pf.AddContact(account, "Иван", "ivan@example.ru", "+79001234567");
        var task = pf.AddTask(account, "Заказ", contact);
        pf.AddDataTagEntry(account, tag, task, new Dictionary<string, JsonNode?> { ["Product"] = new JsonObject { ["id"] = 1 }, ["Quantity"] = 3 });
        return (task, contact, tag, (errors, orderId, moySkladId));
    }
}
