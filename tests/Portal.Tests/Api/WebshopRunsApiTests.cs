using System.Net;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>POST /api/v1/tenants/{tenant}/flows/{flow}/runs for an integration that runs each flow per webshop.</summary>
public sealed class WebshopRunsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<(HttpStatusCode Status, JsonObject Body)> RunAsync(string path)
    {
        var answer = await host.Client(ApiHost.SupportKey).PostAsync(path, null);
        return (answer.StatusCode, JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task Without_a_webshop_the_flow_runs_for_every_webshop_with_one_summary_each()
    {
        await WebshopsTenants.CreateAsync(host, "runs-all");

        var (status, body) = await RunAsync("/api/v1/tenants/runs-all/flows/orders/runs?wait=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var runs = body["runs"]!.AsArray();
        Assert.Equal(["orders@sr1", "orders@un1"], runs.Select(r => (string)r!["flow"]!).Order());
        Assert.All(runs, r => Assert.Equal("succeeded", (string?)r!["status"]));
    }

    [Fact]
    public async Task A_named_webshop_runs_alone_and_an_unknown_one_is_not_found()
    {
        await WebshopsTenants.CreateAsync(host, "runs-one");
        host.Services.GetRequiredService<UnasSandbox>().AddOrder("runs-one-unas-key",
            new UnasOrderSeed { Name = "Szabó Péter", Email = "peter@example.hu", Date = DateTime.UtcNow, Items = [new("CS-200", "Csiszológép", 1, 19990)] });

        var (status, run) = await RunAsync("/api/v1/tenants/runs-one/flows/orders/runs?wait=true&webshop=un1");
        var (unknown, _) = await RunAsync("/api/v1/tenants/runs-one/flows/orders/runs?wait=true&webshop=nope");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("orders@un1", 1), ((string)run["flow"]!, (int)run["created"]!));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}
