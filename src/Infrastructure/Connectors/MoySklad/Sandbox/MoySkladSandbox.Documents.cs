using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>Counterparties and documents as a MoySklad user sees and enters them (tests and the demo use these).</summary>
public sealed partial class MoySkladSandbox
{
    /// <summary>Creates a counterparty as a user would (name, email, phone...); returns it.</summary>
    public JsonObject AddCounterparty(string account, JsonObject fields)
    {
        var data = Account(account);
        lock (data.Gate) return Documents.SaveCounterparty(data, null, fields).DeepClone().AsObject();
    }

    public IReadOnlyList<JsonObject> CounterpartiesOf(string account) => Copies(account, d => d.Counterparties.Values);

    public IReadOnlyList<JsonObject> OrdersOf(string account) => Copies(account, d => d.Orders.Values);

    public IReadOnlyList<JsonObject> DemandsOf(string account) => Copies(account, d => d.Demands.Values);

    public IReadOnlyList<JsonObject> InvoicesOf(string account) => Copies(account, d => d.Collection("invoiceout")!.Values);

    public IReadOnlyList<JsonObject> SalesReturnsOf(string account) => Copies(account, d => d.SalesReturns.Values);

    /// <summary>A product's physical stock as the stock report shows it.</summary>
    public decimal StockOf(string account, string productId)
    {
        var data = Account(account);
        lock (data.Gate) return data.StockOf(productId).Stock;
    }

    public IReadOnlyList<JsonObject> OrderPositions(string account, string orderId) =>
        Copies(account, d => d.OrderPositions.GetValueOrDefault(orderId) ?? []);

    public string OrganizationId(string account) => Copies(account, d => d.Organizations.Values)[0]["id"]!.ToString();

    public IReadOnlyList<JsonObject> Organizations(string account) => Copies(account, d => d.Organizations.Values);

    /// <summary>Renames an organisation as a user does in MoySklad's settings.</summary>
    public void RenameOrganization(string account, string id, string name)
    {
        var data = Account(account);
        lock (data.Gate) data.Organizations[id]["name"] = name;
    }

    public string EmployeeId(string account, string email) => Copies(account, d => d.Employees.Values).Single(e => e["email"]?.ToString() == email)["id"]!.ToString();

    public string StoreId(string account) => Copies(account, d => d.Stores.Values)[0]["id"]!.ToString();

    /// <summary>A product's reserve as the stock report shows it.</summary>
    public decimal ReserveOf(string account, string productId)
    {
        var data = Account(account);
        lock (data.Gate) return data.StockOf(productId).Reserve;
    }

    private IReadOnlyList<JsonObject> Copies(string account, Func<MoySkladAccountData, IEnumerable<JsonObject>> select)
    {
        var data = Account(account);
        lock (data.Gate) return select(data).Select(e => e.DeepClone().AsObject()).ToList();
    }
}
