using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>A hub with the Optiply emulator, one Optiply account with its own API user, and helpers to talk to it.</summary>
internal sealed class OptiplyHub : IAsyncDisposable
{
    public const string Account = "2001";
    public const string Coupling = "7";
    public const string ClientId = "hub-client";
    public const string ClientSecret = "hub-secret";
    public const string Username = "purchasing@koffiehuis.example";
    public const string Password = "s3cret-pass";

    private OptiplyHub(TestHub hub)
    {
        Hub = hub;
        Sandbox = hub.Get<OptiplySandbox>();
        Sandbox.RegisterClient(ClientId, ClientSecret);
        Sandbox.RegisterUser(Username, Password, Account);
    }

    public TestHub Hub { get; }
    public OptiplySandbox Sandbox { get; }
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();
    public string BaseUrl => new Uri(Hub.BaseAddress, "sandbox/optiply/v1").ToString();
    public string TokenUrl => new Uri(Hub.BaseAddress, "sandbox/optiply/api/auth/oauth/token").ToString();

    public static async Task<OptiplyHub> StartAsync() => new(await TestHub.StartAsync(s => s.AddOptiply()));

    public ConnectionInfo Connection(string password = Password, string username = Username, string account = Account) => new("optiply",
        new Dictionary<string, string>
        {
            ["baseUrl"] = BaseUrl, ["tokenUrl"] = TokenUrl, ["clientId"] = ClientId, ["username"] = username,
            ["accountId"] = account, ["couplingId"] = Coupling,
        },
        new Dictionary<string, string> { ["clientSecret"] = ClientSecret, ["password"] = password });

    public OptiplyClient Client(string password = Password, string username = Username, string account = Account) =>
        OptiplyClient.For(Connection(password, username, account), Hub.Get<ConnectorHttp>());

    public OptiplySink Sink(OptiplyEntity entity) => new(Client(), entity);

    /// <summary>A bearer token for raw calls to the emulator.</summary>
    public async Task<string> TokenAsync() => await Client().Tokens.GetAsync(refresh: false, CancellationToken.None);

    /// <summary>A plain call to the emulator, to check what goes over the wire.</summary>
    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, JsonObject? body = null, string? token = null, string contentType = OptiplyClient.MediaType)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, $"{BaseUrl}/{path}");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? ""));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await TokenAsync());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>An Exact item as the products mapping turns it into Optiply attributes.</summary>
    public static JsonObject Product(string name = "Koffiebonen 1 kg", string sku = "KB-1000", decimal price = 12.5m) => new()
    {
        ["name"] = name, ["skuCode"] = sku, ["articleCode"] = "KOFFIE1", ["price"] = price,
        ["eanCode"] = "8712345678906", ["status"] = "enabled", ["unlimitedStock"] = false, ["stockLevel"] = 40,
    };

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
