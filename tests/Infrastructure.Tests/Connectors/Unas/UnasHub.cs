using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Connectors.Unas;

/// <summary>A hub with the UNAS emulator and one shop reachable with its API key.</summary>
internal sealed class UnasHub : IAsyncDisposable
{
    public const string ApiKey = "unas-key-1";

    private UnasHub(TestHub hub)
    {
        Hub = hub;
        Sandbox.AddShop(ApiKey, "12345");
    }

    public TestHub Hub { get; }
    public UnasSandbox Sandbox => Hub.Get<UnasSandbox>();

    public static async Task<UnasHub> StartAsync() => new(await TestHub.StartAsync(s => s.AddUnas()));

    public UnasClient Client(string apiKey = ApiKey) => UnasClient.For(new ConnectionInfo("webshops",
        new Dictionary<string, string> { ["baseUrl"] = UnasSandbox.BaseUrl(Hub.BaseAddress) },
        new Dictionary<string, string> { ["apiKey"] = apiKey }), Hub.Get<ConnectorHttp>());

    public static UnasOrderSeed Order(int i = 1, int invoiceStatus = 1) => new()
    {
        Name = $"Szabó Péter {i}", Email = $"peter{i}@example.hu", Date = new DateTime(2026, 12, 1, 9, 0, 0).AddMinutes(i), InvoiceStatus = invoiceStatus,
        Items = [new("CS-200", "Csiszológép", 1, 19990), new("shipping-cost", "Szállítási költség", 1, 1490)],
    };

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
