using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

/// <summary>A hub serving the MoySklad emulator over loopback, a seeded account, and raw and client access to it.</summary>
public sealed class MoySkladHost : IAsyncDisposable
{
    public const string Account = "acme";
    public string Token { get; } = "token-" + Guid.NewGuid().ToString("N");
    public TestHub Hub { get; }
    public MoySkladSandbox Sandbox => Hub.Get<MoySkladSandbox>();
    public string BaseUrl => MoySkladSandbox.BaseUrl(Hub.BaseAddress);
    public HttpClient Raw { get; } = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

    private MoySkladHost(TestHub hub) => Hub = hub;

    public static async Task<MoySkladHost> StartAsync(int products = 5, bool bucket = false)
    {
        var host = new MoySkladHost(await TestHub.StartAsync(s => s.AddMoySklad()));
        host.Sandbox.RegisterToken(host.Token, Account);
        host.Sandbox.Seed(Account, products, 3);
        if (!bucket) host.Sandbox.UnitsPerRequest = 0;
        return host;
    }

    /// <summary>A customer order of a new counterparty for one line of the first product (at the first store when asked).</summary>
    public async Task<(JsonObject Order, string Product)> OrderAsync(decimal quantity, decimal price, bool atStore = false)
    {
        var client = Client();
        var agent = await client.CreateAsync("counterparty", new JsonObject { ["name"] = "Иван" });
        var product = Sandbox.ProductsOf(Account)[0]["id"]!.ToString();
        var order = new JsonObject
        {
            ["organization"] = client.Reference("organization", Sandbox.OrganizationId(Account)),
            ["agent"] = client.Reference("counterparty", agent["id"]!.ToString()),
            ["positions"] = new JsonArray(new JsonObject { ["assortment"] = client.Reference("product", product), ["quantity"] = quantity, ["price"] = price }),
        };
        if (atStore) order["store"] = client.Reference("store", Sandbox.StoreId(Account));
        return (await client.CreateAsync("customerorder", order), product);
    }

    public MoySkladClient Client(ConnectorHttp? http = null) => new(BaseUrl, Token, http ?? new ConnectorHttp(NullLoggerFactory.Instance));

    /// <summary>A GET as a careless client would send it: the given headers only, the body undecoded.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, bool gzip = true, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + path);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return await Raw.SendAsync(request);
    }

    public static async Task<JsonNode?> JsonAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        return JsonNode.Parse(gzip);
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        await Hub.DisposeAsync();
    }
}
