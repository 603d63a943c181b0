using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// The tenant's Planfix product directory: its fields by name (read once per run; fields the settings need but the
/// directory lacks stop the run with their names), payloads as <c>customFieldData</c>, and entries by external code.
/// </summary>
public sealed class PlanfixProductDirectory(PlanfixClient planfix, int directoryId, ProductOptions options)
{
    private Dictionary<string, (int Id, int Type)>? _fields;
    private Dictionary<string, string>? _byExternalCode;

    public int Id => directoryId;
    public PlanfixClient Client => planfix;

    public async Task<Dictionary<string, (int Id, int Type)>> FieldsAsync(CancellationToken ct)
    {
        if (_fields is not null) return _fields;
        if (directoryId <= 0)
            throw new RunStopped("No Planfix product directory is chosen. Set planfix.productDirectoryId in the tenant's settings.");
        var fields = (await planfix.GetAsync($"/customfield/directory/{directoryId}", ct))["customfields"] as JsonArray ?? [];
        var byName = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var field in fields.OfType<JsonObject>())
            if (field["name"]?.ToString() is { } name)
                byName.TryAdd(name, (field["id"]!.GetValue<int>(), field["type"]?.GetValue<int>() ?? 0));
        var missing = Missing(byName.Keys, options);
        if (missing.Count > 0)
            throw new RunStopped($"The Planfix product directory {directoryId} lacks the field{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}. " +
                "Planfix's API cannot create directory fields: add them in Planfix (price fields as Number), then run again.");
        return _fields = byName;
    }

    /// <summary>The directory fields the settings need that are not in <paramref name="present"/>.</summary>
    public static List<string> Missing(IEnumerable<string> present, ProductOptions options)
    {
        var have = present.ToHashSet(StringComparer.Ordinal);
        return ProductFields.Required(options).Where(n => !have.Contains(n)).Distinct().ToList();
    }

    /// <summary>The entry body for a payload: each field converted to its Planfix type; archived as the entry's flag.</summary>
    public async Task<JsonObject> EntryAsync(JsonObject payload, CancellationToken ct)
    {
        var fields = await FieldsAsync(ct);
        var data = new JsonArray();
        void Add(string name, JsonNode? value)
        {
            if (!fields.TryGetValue(name, out var field)) return;
            data.Add(new JsonObject { ["field"] = new JsonObject { ["id"] = field.Id }, ["value"] = Convert(value, field.Type) });
        }
        foreach (var (key, value) in payload)
        {
            if (ProductFields.DirectoryNames.TryGetValue(key, out var name)) Add(name, value);
            else if (key is ProductFields.Prices or ProductFields.Extra && value is JsonObject named)
                foreach (var (fieldName, fieldValue) in named) Add(fieldName, fieldValue);
        }
        var entry = new JsonObject { ["customFieldData"] = data };
        if (payload[ProductFields.Archived] is { } archived) entry["archived"] = archived.GetValueKind() == JsonValueKind.True;
        return entry;
    }

    /// <summary>The key of the entry whose External code is <paramref name="externalCode"/>; the directory is read once per run.</summary>
    public async Task<string?> FindByExternalCodeAsync(string externalCode, CancellationToken ct)
    {
        if (_byExternalCode is null)
        {
            var fieldId = (await FieldsAsync(ct))[ProductFields.DirectoryNames["externalCode"]].Id;
            var index = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var page in planfix.PagesAsync($"/directory/{directoryId}/entry/list",
                new JsonObject { ["fields"] = $"key,{fieldId}" }, "directoryEntries", ct))
                foreach (var entry in page)
                {
                    var code = (entry["customFieldData"] as JsonArray)?.OfType<JsonObject>()
                        .FirstOrDefault(v => v["field"]?["id"]?.GetValue<int>() == fieldId)?["value"]?.ToString();
                    if (!string.IsNullOrEmpty(code)) index.TryAdd(code, entry["key"]!.ToString());
                }
            _byExternalCode = index;
        }
        return _byExternalCode.GetValueOrDefault(externalCode);
    }

    public async Task<string> CreateAsync(JsonObject payload, CancellationToken ct)
    {
        var answer = await planfix.PostAsync($"/directory/{directoryId}/entry/", await EntryAsync(payload, ct), ct);
        // Planfix does not document the body of this answer; clients read "key" or "entry.key".
        return (answer["key"] ?? answer["entry"]?["key"])?.ToString()
            ?? throw new SyncProblem("Planfix created the directory entry but did not say its key.", response: answer.ToJsonString());
    }

    /// <summary>Writes the entry; false when Planfix has no such entry (deleted there).</summary>
    public async Task<bool> UpdateAsync(string key, JsonObject entry, CancellationToken ct)
    {
        try
        {
            await planfix.PostAsync($"/directory/{directoryId}/entry/{key}", entry, ct);
            return true;
        }
        catch (PlanfixRefused e) when (e.Code == 8000)
        {
            return false;
        }
    }

    private static JsonNode? Convert(JsonNode? value, int type) => type switch
    {
        1 => value is null ? null : decimal.TryParse(value.ToJsonString().Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : null,
        0 or 2 or 8 => JsonValue.Create(value is null ? "" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()),
        7 => JsonValue.Create(value?.GetValueKind() == JsonValueKind.True),
        _ => value?.DeepClone(),
    };
}
