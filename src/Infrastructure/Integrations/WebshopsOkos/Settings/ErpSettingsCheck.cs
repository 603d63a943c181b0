using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Settings;

/// <summary>
/// What the validator cannot know: each options entry must belong to a webshop of connections.webshops, and its
/// numbering sequence, order warehouse and stock warehouses must exist in the ERP company. An id the ERP lacks would
/// otherwise fail every order of that shop at run time, long after the save looked fine.
/// </summary>
public static class ErpSettingsCheck
{
    public static async Task<IReadOnlyList<SettingsError>> CheckAsync(object settings, SettingChoiceContext context, CancellationToken ct)
    {
        var webshops = ((WebshopsOkosSettings)settings).Webshops;
        var errors = new List<SettingsError>();
        var keys = context.Connections.Keys.Select(Webshop.Schema.KeyOf).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var key in webshops.Keys.Where(k => !keys.Contains(k)))
            errors.Add(new($"webshops.{key}", keys.Count == 0
                ? $"There is no webshop \"{key}\" in connections.webshops yet: add the webshop's connection first."
                : $"There is no webshop \"{key}\" in connections.webshops; this tenant's webshops are {string.Join(", ", keys)}."));
        var known = webshops.Where(w => keys.Contains(w.Key)).ToList();
        if (known.Count == 0) return errors;
        if (!context.Connections.ContainsKey(OkosAccount.System))
        {
            errors.Add(new("webshops", "Add the okosUgyvitel connection first: each webshop's sequence and warehouses are checked against it."));
            return errors;
        }

        HashSet<string> sequences, warehouses;
        try
        {
            var erp = ErpChoices.Erp(context);
            sequences = (await erp.NumberingSequencesAsync(ct)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
            warehouses = (await erp.WarehousesAsync(ct)).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        }
        catch (SyncProblem problem)
        {
            errors.Add(new("webshops", $"Okos-Ügyvitel could not be asked for its numbering sequences and warehouses, so the options were not saved: {problem.Message}"));
            return errors;
        }
        catch (HttpRequestException)
        {
            errors.Add(new("webshops", "Okos-Ügyvitel did not answer when asked for its numbering sequences and warehouses, so the options were not saved. Try again when it is reachable."));
            return errors;
        }

        foreach (var (key, shop) in known)
        {
            if (shop.NumberingSequence.Length > 0 && !sequences.Contains(shop.NumberingSequence))
                errors.Add(new($"webshops.{key}.numberingSequence", $"Okos-Ügyvitel has no numbering sequence \"{shop.NumberingSequence}\"; it has {List(sequences)}."));
            if (shop.WarehouseId.Length > 0 && !warehouses.Contains(shop.WarehouseId))
                errors.Add(new($"webshops.{key}.warehouseId", $"Okos-Ügyvitel has no warehouse \"{shop.WarehouseId}\"; it has {List(warehouses)}."));
            for (var i = 0; i < shop.StockWarehouses.Count; i++)
                if (!warehouses.Contains(shop.StockWarehouses[i]))
                    errors.Add(new($"webshops.{key}.stockWarehouses[{i}]", $"Okos-Ügyvitel has no warehouse \"{shop.StockWarehouses[i]}\"; it has {List(warehouses)}."));
        }
        return errors;
    }

    private static string List(IEnumerable<string> values) =>
        values.Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? string.Join(", ", list) : "none";
}
