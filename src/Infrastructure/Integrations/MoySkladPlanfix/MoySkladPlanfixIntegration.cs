using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Returns;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>MoySklad (inventory) with Planfix (CRM): products and stock to the Planfix product directory, orders and invoices back by button, shipments and returns at order statuses.</summary>
public static class MoySkladPlanfixIntegration
{
    public const string Key = "moysklad-planfix";

    public static IntegrationDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "MoySklad ↔ Planfix",
        Connections = [MoySkladConnection.Schema, PlanfixConnection.Schema],
        Settings = new SettingsSchema<MoySkladPlanfixSettings>(new MoySkladPlanfixSettingsValidator()),
        Flows = [ProductsFlow.Definition, StocksFlow.Definition, OrdersFlow.Definition, InvoicesFlow.Definition, ShipmentsFlow.Definition, ReturnsFlow.Definition],
        Webhooks = [PlanfixHooks.Intake, MoySkladHooks.Intake],
    };
}
