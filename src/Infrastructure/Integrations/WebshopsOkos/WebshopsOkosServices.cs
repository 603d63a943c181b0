using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Fulfillable;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos;

public static class WebshopsOkosServices
{
    /// <summary>The integration, the emulators of the three systems, and its demo tenant "demo-webshops".</summary>
    public static IServiceCollection AddWebshopsOkos(this IServiceCollection services)
    {
        services.AddOkosUgyvitel().AddShopRenter().AddUnas();
        services.AddSingleton(WebshopsOkosIntegration.Definition);
        services.AddSingleton<IDemoTenant, WebshopsOkosDemo>();
        services.AddSingleton<FulfillableOrdersReader>();
        return services;
    }
}
