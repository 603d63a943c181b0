using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Connectors.ShopRenter;

/// <summary>A hub with the ShopRenter emulator and one shop whose custom API client the tests use.</summary>
internal sealed class ShopRenterHub : IAsyncDisposable
{
    public const string Shop = "kertibutor";
    public const string ClientId = "sr-client-1";
    public const string ClientSecret = "sr-secret-1";

    private ShopRenterHub(TestHub hub)
    {
        Hub = hub;
        Sandbox.RegisterClient(Shop, ClientId, ClientSecret);
    }

    public TestHub Hub { get; }
    public ShopRenterSandbox Sandbox => Hub.Get<ShopRenterSandbox>();
    public string ApiBaseUrl => ShopRenterSandbox.ApiBaseUrl(Hub.BaseAddress, Shop);

    public static async Task<ShopRenterHub> StartAsync() => new(await TestHub.StartAsync(s => s.AddShopRenter()));

    public ConnectionInfo Connection(string secret = ClientSecret) => new("webshops",
        new Dictionary<string, string>
        {
            ["shopName"] = Shop, ["clientId"] = ClientId, ["apiBaseUrl"] = ApiBaseUrl,
            ["tokenUrl"] = ShopRenterSandbox.TokenUrl(Hub.BaseAddress, Shop),
        },
        new Dictionary<string, string> { ["clientSecret"] = secret });

    public ShopRenterClient Client(string secret = ClientSecret) => ShopRenterClient.For(Connection(secret), Hub.Get<ConnectorHttp>());

    /// <summary>A plain call to the emulator with a fresh token, to see what goes over the wire.</summary>
    public async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, string? accept = null, HttpContent? content = null)
    {
        var token = await Client().Tokens.GetAsync(refresh: false, CancellationToken.None);
        using var http = new HttpClient();
        var request = new HttpRequestMessage(method, $"{ApiBaseUrl}/{path}") { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await http.SendAsync(request);
    }

    public static ShopRenterOrderSeed Order(int i = 1, int? customerId = null) => new()
    {
        Firstname = "Anna", Lastname = $"Kovács {i}", Email = $"anna{i}@example.hu", CustomerId = customerId,
        Created = new DateTime(2026, 12, 1, 10, 0, 0).AddMinutes(i),
        Lines = [new("KB-100", "Kerti szék", 2, 12000)],
        Totals = [new("SHIPPING", "Szállítási díj", 1490)],
    };

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
