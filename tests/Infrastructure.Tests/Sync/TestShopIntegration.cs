using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FluentValidation;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>An integration used only by the engine's tests: test-shop items to test-shop products.</summary>
public static class TestShopIntegration
{
    public sealed class Settings
    {
        public int PageSize { get; set; } = 10;
        public bool SkipNameless { get; set; } = true;
    }

    private sealed class SettingsValidator : AbstractValidator<Settings>
    {
        public SettingsValidator() => RuleFor(s => s.PageSize).InclusiveBetween(1, 1000);
    }

    public static HttpPolicy Policy { get; set; } = new() { PermitsPerWindow = 10_000, Window = TimeSpan.FromSeconds(1), BaseDelay = TimeSpan.FromMilliseconds(20) };

    public static IntegrationDefinition Definition { get; } = new()
    {
        Key = "test-shop",
        Name = "Test shop",
        Connections = [new ConnectionSchema("shop", "Test shop", [new ConnectionField("baseUrl", "Base URL"), new ConnectionField("apiSecret", "API secret", Secret: true)])
        {
            Test = TestAsync,
        }],
        Settings = new SettingsSchema<Settings>(new SettingsValidator()),
        Flows =
        [
            new FlowDefinition
            {
                Key = "products", Name = "Products", Entity = "product", SourceSystem = "Test shop", TargetSystem = "Test store",
                Title = new("{sku}", "{name}"),
                DefaultMapping = FieldMapping.Of(("name", Rules.Copy("name")), ("sku", Rules.Copy("sku")), ("price", Rules.Copy("price"))),
                TargetFields = [new TargetField("name", "text"), new TargetField("sku", "text"), new TargetField("price", "number"), new TargetField("status", "text")],
                Build = Build,
            },
        ],
        FieldSwitches = [],
    };

    /// <summary>Asks the shop for a token, as every run does first: a shop that is not there fails the test.</summary>
    private static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var baseUrl = connection.Require("baseUrl").TrimEnd('/') + "/";
        var tokens = new Tokens(http.Create("shop:test", Policy), baseUrl);
        await tokens.GetAsync(refresh: true, ct);
        return "The test shop issued a token.";
    }

    private static FlowParts Build(FlowContext context)
    {
        var connection = context.Connection("shop");
        var baseUrl = connection.Require("baseUrl").TrimEnd('/') + "/";
        var settings = context.SettingsAs<Settings>();
        var anonymous = context.Http.Create($"shop:{context.Tenant.Slug}:read", Policy);
        var tokens = new Tokens(anonymous, baseUrl);
        var authed = context.Http.Create($"shop:{context.Tenant.Slug}", Policy, tokens);
        IRecordRule[] rules = settings.SkipNameless ? [new SkipNameless()] : [];
        return new FlowParts(new Items(anonymous, baseUrl, settings.PageSize), new Products(authed, baseUrl), rules);
    }

    private sealed class SkipNameless : IRecordRule
    {
        public RuleDecision Apply(JsonObject data) =>
            string.IsNullOrWhiteSpace((string?)data["name"]) ? new RuleDecision.Skip("The item has no name, so it was not sent.", Setting: "skipNameless") : RuleDecision.Continue(data);
    }

    private sealed class Tokens(HttpClient http, string baseUrl) : IAccessTokenSource
    {
        private string? _token;
        public int Refreshes { get; private set; }

        public async Task<string> GetAsync(bool refresh, CancellationToken ct)
        {
            if (_token is not null && !refresh) return _token;
            Refreshes++;
            using var response = await http.PostAsync(baseUrl + "token", null, ct);
            response.EnsureSuccessStatusCode();
            return _token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["access_token"]!;
        }
    }

    private sealed class Items(HttpClient http, string baseUrl, int pageSize) : ISourceStream
    {
        public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
        {
            var after = long.Parse(cursor ?? "0");
            while (true)
            {
                var body = await http.GetFromJsonAsync<JsonObject>($"{baseUrl}items?after={after}&limit={pageSize}", ct);
                var items = body!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
                if (items.Count == 0) yield break;
                after = (long)items[^1]["version"]!;
                yield return new SourcePage(items.Select(Record).ToList(), after.ToString());
                if (items.Count < pageSize) yield break;
            }
        }

        public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
        {
            using var response = await http.GetAsync($"{baseUrl}items/{sourceId}", ct);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return Record((await response.Content.ReadFromJsonAsync<JsonObject>(ct))!);
        }

        private static SourceRecord Record(JsonObject item)
        {
            var id = (string)item["id"]!;
            item = (JsonObject)item.DeepClone();
            if (item["deleted"] is not null) return SourceRecord.Deletion(id);
            return item["price"] is JsonValue v && v.TryGetValue<decimal>(out _)
                ? new SourceRecord(id, item)
                : SourceRecord.Malformed(id, "the price is not a number", item);
        }
    }

    private sealed class Products(HttpClient http, string baseUrl) : ITargetSink
    {
        public async Task<string?> FindAsync(string sourceId, CancellationToken ct)
        {
            var found = await http.GetFromJsonAsync<JsonArray>($"{baseUrl}products?remoteId={Uri.EscapeDataString(sourceId)}", ct);
            return found is { Count: > 0 } ? (string?)found[0]!["id"] : null;
        }

        public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
        {
            var body = (JsonObject)payload.DeepClone();
            body["remoteId"] = sourceId;
            return await SendAsync(HttpMethod.Post, $"{baseUrl}products", body, ct);
        }

        public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
        {
            var body = (JsonObject)payload.DeepClone();
            body["remoteId"] = sourceId;
            return SendAsync(HttpMethod.Put, $"{baseUrl}products/{targetId}", body, ct);
        }

        public async Task<string?> DeleteAsync(string targetId, CancellationToken ct)
        {
            using var response = await http.DeleteAsync($"{baseUrl}products/{targetId}", ct);
            if (response.StatusCode != System.Net.HttpStatusCode.NotFound) response.EnsureSuccessStatusCode();
            return null;
        }

        private async Task<TargetWrite> SendAsync(HttpMethod method, string url, JsonObject body, CancellationToken ct)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode == 422)
                throw new SyncProblem($"The store refused the product: {JsonNode.Parse(text)?["error"]}.", response: text);
            response.EnsureSuccessStatusCode();
            return new TargetWrite((string)JsonNode.Parse(text)!["id"]!, text);
        }
    }
}
