using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Prices;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Settings;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Stock;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos;

/// <summary>
/// ShopRenter and UNAS webshops with one Okos-Ügyvitel company (seeds 002 and 003): orders into the ERP, stock and
/// prices back. A tenant holds several webshops; every flow runs once per webshop (its key is the flow's scope).
/// </summary>
public static class WebshopsOkosIntegration
{
    public const string Key = "webshops-okos";

    public static IntegrationDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Webshops → Okos-Ügyvitel",
        Connections = [OkosConnection.Schema, Webshop.Schema],
        Settings = new SettingsSchema<WebshopsOkosSettings>(new WebshopsOkosSettingsValidator()),
        Flows = [OrdersFlow.Definition, StockFlow.Definition, PricesFlow.Definition],
        Choices = ErpChoices.ByPath,
        SettingsCheck = ErpSettingsCheck.CheckAsync,
        Scopes = Webshop.KeysOf,
        ScopeName = "webshop",
    };
}
