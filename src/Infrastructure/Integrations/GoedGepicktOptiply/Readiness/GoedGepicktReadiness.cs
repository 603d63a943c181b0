using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Readiness;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Readiness;

/// <summary>
/// Runs the seed's preparation checklist against the tenant's GoedGepickt account as it is now: every product (of the
/// connection's webshop and fulfilment customer) and, unless it is a fulfilment account, every supplier.
/// </summary>
public static class GoedGepicktReadiness
{
    public static async Task<IReadOnlyList<ReadinessCheck>> RunAsync(SettingChoiceContext context, CancellationToken ct)
    {
        var client = GoedGepicktClient.For(context.Connection(GoedGepicktAccount.System), context.Http);
        var products = await ReadAllAsync(client, "products", client.Scope().ToList(), ct);
        var suppliers = client.Account.IsFulfilment ? null : await ReadAllAsync(client, "suppliers", [], ct);
        return ReadinessRules.Run(products, suppliers, client.Account.AppUrl);
    }

    private static async Task<List<JsonObject>> ReadAllAsync(GoedGepicktClient client, string path, IReadOnlyList<(string, string)> query, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        await foreach (var page in client.PagesAsync(path, query, ct)) all.AddRange(page.Items.Where(client.InScope));
        return all;
    }
}
