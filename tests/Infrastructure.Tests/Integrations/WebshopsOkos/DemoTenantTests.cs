using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

public sealed class DemoTenantTests
{
    [Fact]
    public async Task The_demo_tenant_is_created_once_and_its_flows_work_out_of_the_box_for_both_webshops()
    {
        // ShopRenter's 3 calls a second would make this a long test; the pacing is the connector's, not under test here.
        await using var hub = await TestHub.StartAsync(s =>
            s.AddSingleton(sp => new Koppel.Infrastructure.Http.ConnectorHttp(sp.GetRequiredService<ILoggerFactory>(), unthrottled: true)));
        hub.Get<ShopRenterSandbox>().RateLimit.Permits = 0;
        var sandbox = new SandboxOptions { Enabled = true, BaseUrl = hub.BaseAddress.ToString() };
        var demo = new WebshopsOkosDemo(sandbox, new SandboxAddress(sandbox, new ConfigurationBuilder().Build()), hub.Get<TenantService>(),
            hub.Get<IDbContextFactory<KoppelDb>>(), hub.Get<OkosSandbox>(), hub.Get<ShopRenterSandbox>(), hub.Get<UnasSandbox>(), hub.Get<SyncedRecords>(), NullLogger<WebshopsOkosDemo>.Instance);

        await demo.EnsureAsync(CancellationToken.None);
        await demo.EnsureAsync(CancellationToken.None);

        await using (var db = await hub.DbAsync())
        {
            var tenant = await db.Tenants.Include(t => t.Connections).SingleAsync(t => t.Slug == WebshopsOkosDemo.Slug);
            Assert.Equal([WebshopsOkosDemo.ShopRenterKey, WebshopsOkosDemo.UnasKey], Webshop.KeysOf(tenant).Order().ToList());
        }
        var launcher = hub.Get<RunLauncher>();
        foreach (var shop in new[] { WebshopsOkosDemo.ShopRenterKey, WebshopsOkosDemo.UnasKey })
        {
            var orders = await launcher.RunAsync(WebshopsOkosDemo.Slug, $"orders@{shop}", new RunRequest(), CancellationToken.None);
            Assert.Equal((RunStatus.Succeeded, WebshopsOkosDemo.Orders, 0), (orders.Status, orders.Created, orders.Failed));
            var stock = await launcher.RunAsync(WebshopsOkosDemo.Slug, $"stock@{shop}", new RunRequest(), CancellationToken.None);
            Assert.Equal((RunStatus.Succeeded, 0), (stock.Status, stock.Failed));
            Assert.True(stock.Updated > 0, $"the stock run of {shop} wrote nothing");
            var prices = await launcher.RunAsync(WebshopsOkosDemo.Slug, $"prices@{shop}", new RunRequest(), CancellationToken.None);
            Assert.Equal((RunStatus.Succeeded, 3, 0), (prices.Status, prices.Updated, prices.Failed));
        }
    }
}
