using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Connectors.Planfix;

/// <summary>A hub serving the Planfix emulator over loopback with one account and a product directory.</summary>
public sealed class PlanfixHost : IAsyncDisposable
{
    public const string Account = "acme";
    public string Token { get; } = "pf-" + Guid.NewGuid().ToString("N");
    public TestHub Hub { get; }
    public PlanfixSandbox Sandbox => Hub.Get<PlanfixSandbox>();
    public string BaseUrl => PlanfixSandbox.BaseUrl(Hub.BaseAddress);
    public int Directory { get; private set; }
    public HttpClient Raw { get; } = new();

    private PlanfixHost(TestHub hub) => Hub = hub;

    /// <param name="clock">Planfix's own clock (task modification dates), when a test moves it by hand.</param>
    public static async Task<PlanfixHost> StartAsync(bool throttled = false, TimeProvider? clock = null)
    {
        var host = new PlanfixHost(await TestHub.StartAsync(s =>
        {
            s.AddPlanfix();
            if (clock is not null) s.AddSingleton(new PlanfixSandbox(clock));
        }));
        host.Sandbox.RegisterToken(host.Token, Account);
        host.Directory = host.Sandbox.AddDirectory(Account, "Products", ("Name", 0), ("Stock", 1), ("In stock", 7));
        if (!throttled) host.Sandbox.RequestsPerSecond = 0;
        return host;
    }

    public PlanfixClient Client(bool paced = false) =>
        new(BaseUrl, Token, new ConnectorHttp(NullLoggerFactory.Instance, unthrottled: !paced));

    public async Task<(int Status, JsonObject Body)> PostAsync(string path, JsonObject body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        using var response = await Raw.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await Hub.DisposeAsync();
    }
}
