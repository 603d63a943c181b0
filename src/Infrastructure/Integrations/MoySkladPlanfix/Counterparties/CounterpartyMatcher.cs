using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Counterparties;

/// <summary>
/// A Planfix contact as an order needs it in MoySklad: name, e-mail, first phone, the MoySklad id stored on it, and the
/// values of counterparties.extraFields by MoySklad attribute name.
/// </summary>
public sealed record PlanfixContact(int Id, string Name, string? Email, string? Phone, string? MoySkladId)
{
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = new Dictionary<string, JsonNode?>();

    public static PlanfixContact From(JsonObject contact, string? storedId) => new(
        contact["id"]!.GetValue<int>(), contact["name"]?.ToString() ?? "",
        OrderFields.Clean(contact["email"]?.ToString()), OrderFields.Clean(contact["phone"]?.ToString()), storedId)
    {
        Extra = (contact["extra"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal),
    };
}

/// <summary>
/// The seed's counterparty rule: a Planfix contact is the MoySklad counterparty whose id its "MoySklad id" field
/// holds; without one (or when that counterparty is gone), the one with the same e-mail, then the one with the same
/// first phone (exact strings after trimming); else a new one. The contact leads: name, e-mail, phone and the extra fields
/// (counterparties.extraFields) are written to the counterparty when they differ, and the id is written back to the
/// contact when it is not there yet.
/// </summary>
public sealed class CounterpartyMatcher(MoySkladClient moySklad, PlanfixClient planfix)
{
    private PlanfixFieldIds? _contactFields;
    private CounterpartyAttributes? _attributes;

    /// <summary>The counterparty's id, after bringing it in line with the contact.</summary>
    public async Task<string> EnsureAsync(PlanfixContact contact, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(contact.Name))
            throw new SyncProblem($"The Planfix contact {contact.Id} has no name, and MoySklad needs one for the counterparty. Fill in the contact's name.");
        var found = await FindAsync(contact, ct);
        var wanted = new JsonObject { ["name"] = contact.Name };
        if (contact.Email is not null) wanted["email"] = contact.Email;
        if (contact.Phone is not null) wanted["phone"] = contact.Phone;
        var attributes = contact.Extra.Count == 0 ? [] : await (_attributes ??= new CounterpartyAttributes(moySklad)).ValuesAsync(contact.Extra, ct);
        string id;
        if (found is null)
        {
            var values = attributes.Where(a => a["value"] is not null).Select(a => a.DeepClone()).ToArray();
            if (values.Length > 0) wanted["attributes"] = new JsonArray(values);
            id = (await moySklad.CreateAsync("counterparty", wanted, ct))["id"]!.ToString();
        }
        else
        {
            id = found["id"]!.ToString();
            var changes = new JsonObject();
            foreach (var (key, value) in wanted)
                if (OrderFields.Clean(found[key]?.ToString()) != value!.ToString()) changes[key] = value.DeepClone();
            var changed = CounterpartyAttributes.Changed(found, attributes);
            if (changed.Count > 0) changes["attributes"] = changed;
            if (changes.Count > 0) await moySklad.UpdateAsync("counterparty", id, changes, ct);
        }
        if (contact.MoySkladId != id)
        {
            _contactFields ??= (await PlanfixFieldIds.ContactAsync(planfix, ct)).Require([OrderFields.ContactMoySkladId]);
            await planfix.PostAsync($"/contact/{contact.Id}", new JsonObject { ["customFieldData"] = new JsonArray(_contactFields.Write(OrderFields.ContactMoySkladId, id)) }, ct);
        }
        return id;
    }

    /// <summary>The counterparty by stored id, e-mail, then first phone; null when none matches.</summary>
    public async Task<JsonObject?> FindAsync(PlanfixContact contact, CancellationToken ct)
    {
        if (contact.MoySkladId is { } stored && Guid.TryParse(stored, out _) && await moySklad.GetAsync("counterparty", stored, ct) is { } byId)
            return byId;
        if (contact.Email is { } email && await FirstAsync("email", email, ct) is { } byEmail) return byEmail;
        if (contact.Phone is { } phone && await FirstAsync("phone", phone, ct) is { } byPhone) return byPhone;
        return null;
    }

    /// <summary>
    /// MoySklad's filter compares without regard to case, the rule wants exact strings: the rows are checked again here.
    /// </summary>
    private async Task<JsonObject?> FirstAsync(string field, string value, CancellationToken ct)
    {
        var filter = $"{field}={value.Replace(";", "\\;", StringComparison.Ordinal)}";
        await foreach (var page in moySklad.PagesAsync("counterparty", filter, ct))
            if (page.FirstOrDefault(r => OrderFields.Clean(r[field]?.ToString()) == value) is { } match) return match;
        return null;
    }
}
