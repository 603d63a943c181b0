using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>The seed's counterparty rule, as an order press applies it: by stored id, e-mail, first phone, else created; the contact leads.</summary>
public sealed class CounterpartyMatchTests
{
    private const string Account = MoySkladPlanfixHub.Account;

    private static string AgentOf(JsonObject order) => order["agent"]!["meta"]!["href"]!.ToString().Split('/')[^1];

    [Fact]
    public async Task A_contact_with_a_stored_MoySklad_id_uses_that_counterparty_and_gives_it_the_contacts_name_phone_and_email()
    {
        await using var desk = await OrderDesk.StartAsync();
        var existing = desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "ООО Старое имя", ["email"] = "old@example.ru" });
        var contact = desk.AddContact("Ольга Смирнова", "olga@example.ru", "+79005550000");
        desk.Hub.Planfix.SetContactValue(Account, contact, OrderFields.ContactMoySkladId, existing["id"]!.ToString());

        await desk.PressAsync(desk.AddOrder(contact, ("C00001", 1, 10m)));

        var counterparty = Assert.Single(desk.Counterparties);
        Assert.Equal(existing["id"]!.ToString(), AgentOf(desk.Orders.Single()));
        Assert.Equal(("Ольга Смирнова", "olga@example.ru", "+79005550000"),
            (counterparty["name"]!.ToString(), counterparty["email"]!.ToString(), counterparty["phone"]!.ToString()));
    }

    [Fact]
    public async Task A_contact_without_an_id_is_matched_by_email_and_the_id_is_written_back()
    {
        await using var desk = await OrderDesk.StartAsync();
        desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "Другой", ["phone"] = "+79001112233" });
        var existing = desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "Иван", ["email"] = "ivan@example.ru" });
        var contact = desk.AddContact("Иван", "  ivan@example.ru ", "+79001112233");

        await desk.PressAsync(desk.AddOrder(contact, ("C00001", 1, 10m)));

        Assert.Equal(existing["id"]!.ToString(), AgentOf(desk.Orders.Single()));
        Assert.Equal(2, desk.Counterparties.Count);
        Assert.Equal(existing["id"]!.ToString(), desk.Contact(contact)["values"]![OrderFields.ContactMoySkladId]!.ToString());
    }

    [Fact]
    public async Task A_contact_whose_email_matches_nothing_is_matched_by_its_first_phone()
    {
        await using var desk = await OrderDesk.StartAsync();
        var byFirst = desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "Первый", ["phone"] = "+79001112233" });
        desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "Второй", ["phone"] = "+79009998877" });
        var contact = desk.AddContact("Пётр", "petr@example.ru", "+79001112233", "+79009998877");

        await desk.PressAsync(desk.AddOrder(contact, ("C00001", 1, 10m)));

        Assert.Equal(byFirst["id"]!.ToString(), AgentOf(desk.Orders.Single()));
        Assert.Equal("Пётр", desk.Counterparties.Single(c => c["id"]!.ToString() == byFirst["id"]!.ToString())["name"]!.ToString());
        Assert.Equal(byFirst["id"]!.ToString(), desk.Contact(contact)["values"]![OrderFields.ContactMoySkladId]!.ToString());
    }

    [Fact]
    public async Task A_contact_that_matches_nothing_exactly_gets_a_new_counterparty()
    {
        await using var desk = await OrderDesk.StartAsync();
        // Exact strings: another case of the e-mail is another e-mail.
        desk.Hub.MoySklad.AddCounterparty(Account, new JsonObject { ["name"] = "Анна", ["email"] = "ANNA@example.ru" });
        var contact = desk.AddContact("Анна", "anna@example.ru");

        await desk.PressAsync(desk.AddOrder(contact, ("C00001", 1, 10m)));

        Assert.Equal(2, desk.Counterparties.Count);
        var created = desk.Counterparties.Single(c => c["email"]!.ToString() == "anna@example.ru");
        Assert.Equal(created["id"]!.ToString(), AgentOf(desk.Orders.Single()));
        Assert.Equal(created["id"]!.ToString(), desk.Contact(contact)["values"]![OrderFields.ContactMoySkladId]!.ToString());
    }
}
