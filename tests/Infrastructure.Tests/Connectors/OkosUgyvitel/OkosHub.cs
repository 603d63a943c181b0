using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Connectors.OkosUgyvitel;

/// <summary>A hub with the Okos-Ügyvitel emulator and one company set up with the demo's master data.</summary>
internal sealed class OkosHub : IAsyncDisposable
{
    public const string Company = "c-100";
    public const string ApiKey = "okos-key-1";

    private OkosHub(TestHub hub)
    {
        Hub = hub;
        Sandbox.Setup(Company, OkosSetup.Demo(ApiKey));
    }

    public TestHub Hub { get; }
    public OkosSandbox Sandbox => Hub.Get<OkosSandbox>();

    public static async Task<OkosHub> StartAsync() => new(await TestHub.StartAsync(s => s.AddOkosUgyvitel()));

    public OkosClient Client(string apiKey = ApiKey) => OkosClient.For(new ConnectionInfo(OkosAccount.System,
        new Dictionary<string, string> { ["baseUrl"] = OkosSandbox.BaseUrl(Hub.BaseAddress), ["companyId"] = Company },
        new Dictionary<string, string> { ["apiKey"] = apiKey }), Hub.Get<ConnectorHttp>());

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
