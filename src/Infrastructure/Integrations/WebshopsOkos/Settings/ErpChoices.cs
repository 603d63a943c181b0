using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Settings;

/// <summary>
/// The ERP company's warehouses and numbering sequences read live, for the pickers of every webshop's options (the
/// webshop key is the <c>*</c> of each path) and for <see cref="ErpSettingsCheck"/>.
/// </summary>
public static class ErpChoices
{
    public static IReadOnlyDictionary<string, SettingChoices> ByPath { get; } = new Dictionary<string, SettingChoices>
    {
        ["webshops.*.numberingSequence"] = SequencesAsync,
        ["webshops.*.warehouseId"] = WarehousesAsync,
        ["webshops.*.stockWarehouses"] = WarehousesAsync,
    };

    public static async Task<IReadOnlyList<SettingChoice>> WarehousesAsync(SettingChoiceContext context, CancellationToken ct) =>
        (await Erp(context).WarehousesAsync(ct))
        .Select(w => new SettingChoice(w.Id, string.IsNullOrWhiteSpace(w.Name) ? w.Id : $"{w.Id} · {w.Name}")).ToList();

    public static async Task<IReadOnlyList<SettingChoice>> SequencesAsync(SettingChoiceContext context, CancellationToken ct) =>
        (await Erp(context).NumberingSequencesAsync(ct))
        .Select(s => new SettingChoice(s.Code, string.IsNullOrWhiteSpace(s.Prefix) ? s.Code : $"{s.Code} · numbers start {s.Prefix}")).ToList();

    public static OkosClient Erp(ConnectedContext context) => OkosClient.For(context.Connection(OkosAccount.System), context.Http);
}
