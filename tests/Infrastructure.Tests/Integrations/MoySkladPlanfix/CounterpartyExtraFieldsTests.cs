using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>counterparties.extraFields: Planfix contact fields written to the MoySklad counterparty's attributes of the chosen names; the contact leads.</summary>
public sealed class CounterpartyExtraFieldsTests
{
    private const string Account = MoySkladPlanfixHub.Account;
    private const string Source = "Источник клиента";
    private const string Bonus = "Бонусы";
    // The emulator's seeded counterparty attributes (a string and a whole number).
    private const string SourceAttribute = "Источник";
    private const string BonusAttribute = "Бонусные баллы";

    private static async Task<OrderDesk> DeskAsync(JsonObject? extraFields = null)
    {
        var desk = await OrderDesk.StartAsync();
        desk.Hub.Planfix.AddContactField(Account, Source, 0);
        desk.Hub.Planfix.AddContactField(Account, Bonus, 1);
        await desk.Hub.SaveSettingsAsync(new JsonObject
        {
            ["counterparties"] = new JsonObject
            {
                ["extraFields"] = extraFields ?? new JsonObject { [SourceAttribute] = Source, [BonusAttribute] = Bonus },
            },
        });
        return desk;
    }

    private static JsonNode? Attribute(JsonObject counterparty, string name) =>
        (counterparty["attributes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a => a["name"]?.ToString() == name)?["value"];

    [Fact]
    public async Task A_new_counterparty_gets_the_contacts_extra_fields_as_attributes_in_their_types()
    {
        await using var desk = await DeskAsync();
        var contact = desk.AddContact("Ольга Смирнова", "olga@example.ru");
        desk.Hub.Planfix.SetContactValue(Account, contact, Source, "Выставка");
        desk.Hub.Planfix.SetContactValue(Account, contact, Bonus, 250);

        var run = await desk.PressAsync(desk.AddOrder(contact, ("C00001", 1, 10m)));

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var counterparty = Assert.Single(desk.Counterparties);
        Assert.Equal("Выставка", Attribute(counterparty, SourceAttribute)!.ToString());
        Assert.Equal(250, Attribute(counterparty, BonusAttribute)!.GetValue<long>());
    }

    [Fact]
    public async Task A_changed_contact_field_is_written_to_the_matched_counterparty_and_an_unchanged_one_writes_nothing()
    {
        await using var desk = await DeskAsync();
        var contact = desk.AddContact("Ольга Смирнова", "olga@example.ru");
        desk.Hub.Planfix.SetContactValue(Account, contact, Source, "Выставка");
        var task = desk.AddOrder(contact, ("C00001", 1, 10m));
        await desk.PressAsync(task);
        var moySkladWrites = desk.Hub.MoySklad.Writes;
        await desk.PressAsync(task);
        Assert.Equal(moySkladWrites, desk.Hub.MoySklad.Writes);

        desk.Hub.Planfix.SetContactValue(Account, contact, Source, "Сайт");
        await desk.PressAsync(task);

        var counterparty = Assert.Single(desk.Counterparties);
        Assert.Equal("Сайт", Attribute(counterparty, SourceAttribute)!.ToString());
        Assert.Null(Attribute(counterparty, BonusAttribute));
    }

    [Fact]
    public async Task An_attribute_MoySklad_does_not_have_is_named_in_the_tasks_Errors()
    {
        await using var desk = await DeskAsync(new JsonObject { ["Нет такого"] = Source });
        var contact = desk.AddContact("Ольга Смирнова", "olga@example.ru");
        var task = desk.AddOrder(contact, ("C00001", 1, 10m));

        var run = await desk.PressAsync(task);

        Assert.Equal(1, run.Failed);
        Assert.Empty(desk.Orders);
        Assert.Contains("MoySklad has no counterparty attribute \"Нет такого\"", desk.Task(task)[OrderFields.Errors]!.ToString());
    }

    [Fact]
    public async Task A_contact_value_that_does_not_fit_the_attributes_type_is_named_in_the_tasks_Errors()
    {
        await using var desk = await DeskAsync(new JsonObject { [BonusAttribute] = Source });
        var contact = desk.AddContact("Ольга Смирнова", "olga@example.ru");
        desk.Hub.Planfix.SetContactValue(Account, contact, Source, "много");
        var task = desk.AddOrder(contact, ("C00001", 1, 10m));

        await desk.PressAsync(task);

        Assert.Contains($"\"много\" does not fit the MoySklad counterparty attribute \"{BonusAttribute}\", which takes a long",
            desk.Task(task)[OrderFields.Errors]!.ToString());
    }
}
