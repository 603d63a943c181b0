using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>
/// The lookups every imported order makes (a customer by webshop id or e-mail, a document by externalId, a customer by
/// id), kept in indexes: scanning every record per call made a 10,000-order import quadratic in the emulator, and the
/// hub's benchmark measured the emulator instead of the hub. Answers are the same as the scans gave.
/// </summary>
internal sealed partial class OkosCompany
{
    private readonly Dictionary<string, JsonObject> _customersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _customersByWebshopId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _customersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Document> _documentsByExternalId = new(StringComparer.Ordinal);

    /// <summary>Customers matching every filter given (e-mail case-insensitive, as before), in the order they were created.</summary>
    public IEnumerable<JsonObject> FindCustomers(string? webshopCustomerId, string? email, string? name)
    {
        IEnumerable<JsonObject> candidates = webshopCustomerId is not null ? _customersByWebshopId.GetValueOrDefault(webshopCustomerId) ?? []
            : email is not null ? _customersByEmail.GetValueOrDefault(email) ?? []
            : Customers;
        return candidates.Where(x =>
            (webshopCustomerId is null || x["webshopCustomerId"]?.ToString() == webshopCustomerId)
            && (email is null || string.Equals(x["email"]?.ToString(), email, StringComparison.OrdinalIgnoreCase))
            && (name is null || x["name"]?.ToString() == name));
    }

    private bool HasCustomer(string id) => _customersById.ContainsKey(id);

    private void AddCustomer(JsonObject customer)
    {
        Customers.Add(customer);
        _customersById[customer["id"]!.ToString()] = customer;
        if (customer["webshopCustomerId"]?.ToString() is { Length: > 0 } webshopId) Index(_customersByWebshopId, webshopId, customer);
        if (customer["email"]?.ToString() is { Length: > 0 } email) Index(_customersByEmail, email, customer);
    }

    private Document? DocumentByExternalId(string externalId) => _documentsByExternalId.GetValueOrDefault(externalId);

    private void AddDocument(Document document)
    {
        Documents.Add(document);
        if (document.ExternalId is { Length: > 0 } externalId) _documentsByExternalId.TryAdd(externalId, document);
    }

    private static void Index(Dictionary<string, List<JsonObject>> index, string key, JsonObject customer)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(customer);
    }
}
