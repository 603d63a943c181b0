using Koppel.Infrastructure.Sandbox;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

public sealed class DemoTenantTests
{
    [Fact]
    public async Task The_demo_tenant_syncs_every_seeded_product_into_the_Planfix_directory_out_of_the_box()
    {
        // Pacing lifted on both sides: Planfix's one call a second would make this a minute-long test.
        await using var hub = await TestHub.StartAsync(s =>
            s.AddSingleton(sp => new Koppel.Infrastructure.Http.ConnectorHttp(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), unthrottled: true)));
        var sandbox = new SandboxOptions { Enabled = true, BaseUrl = hub.BaseAddress.ToString() };
        var demo = new MoySkladPlanfixDemo(sandbox, new SandboxAddress(sandbox, new ConfigurationBuilder().Build()), hub.Get<TenantService>(), hub.Get<IDbContextFactory<KoppelDb>>(),
            hub.Get<MoySkladSandbox>(), hub.Get<PlanfixSandbox>(), NullLogger<MoySkladPlanfixDemo>.Instance);
        hub.Get<MoySkladSandbox>().UnitsPerRequest = 0;
        hub.Get<PlanfixSandbox>().RequestsPerSecond = 0;

        await demo.EnsureAsync(CancellationToken.None);
        await demo.EnsureAsync(CancellationToken.None);
        var run = await hub.Get<RunLauncher>().RunAsync(MoySkladPlanfixDemo.Slug, ProductsFlow.Key, new RunRequest(), CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, MoySkladPlanfixDemo.Size, 0), (run.Status, run.Created, run.Failed));
    }
}
