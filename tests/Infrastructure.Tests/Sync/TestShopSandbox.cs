using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>
/// A small two-sided emulator for testing the engine on its own: a catalogue of items read by a change
/// cursor, and a store whose products are written with a bearer token and found by remote id.
/// </summary>
public sealed class TestShopSandbox(SandboxFaults faults) : SandboxSystem
{
    public override string Segment => "test-shop";

    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, JsonObject> _items = new(StringComparer.Ordinal);
    private long _version;
    public ConcurrentDictionary<string, JsonObject> Products { get; } = new();
    public ConcurrentQueue<(DateTime At, string Method, string Path)> Requests { get; } = new();
    private int _nextProduct;

    public int Writes => Requests.Count(r => r.Method != "GET" && r.Path.Contains("/products"));
    public int ItemPageReads => Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/items", StringComparison.Ordinal));

    /// <param name="note">A field no flow maps: text only the record's stored source data holds.</param>
    public void PutItem(string id, string? name, decimal price, string? sku = null, string? note = null)
    {
        lock (_lock)
        {
            var item = new JsonObject { ["id"] = id, ["name"] = name, ["sku"] = sku ?? $"SKU-{id}", ["price"] = price, ["version"] = ++_version };
            if (note is not null) item["note"] = note;
            _items[id] = item;
        }
    }

    public void DeleteItem(string id)
    {
        lock (_lock)
            _items[id] = new JsonObject { ["id"] = id, ["deleted"] = true, ["version"] = ++_version };
    }

    public override void Seed(string account, int size, int seed)
    {
        for (var i = 1; i <= size; i++) PutItem(i.ToString("D5"), $"Item {i}", 10 + i % 7);
    }

    public override void Reset()
    {
        lock (_lock) _items.Clear();
        Products.Clear();
        Requests.Clear();
    }

    public override void Map(RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            Requests.Enqueue((DateTime.UtcNow, request.Method, request.Path.Value ?? ""));
            return await next(context);
        });
        api.MapPost("/token", () => Results.Json(new { access_token = Tokens.Issue("shop", TimeSpan.FromHours(1)) }));

        api.MapGet("/items", (long? after, int? limit) =>
        {
            lock (_lock)
            {
                var page = _items.Values.Where(i => (long)i["version"]! > (after ?? 0))
                    .OrderBy(i => (long)i["version"]!).Take(limit ?? 10).Select(i => i.DeepClone()).ToList();
                if (page.Count > 0 && faults.TakeMalformed(Segment)) page[0]!["price"] = "not a number";
                return Results.Json(new JsonObject { ["items"] = new JsonArray(page.ToArray()) });
            }
        });
        api.MapGet("/items/{id}", (string id) =>
        {
            lock (_lock)
                return _items.TryGetValue(id, out var item) ? Results.Json(item.DeepClone()) : Results.NotFound();
        });

        var products = api.MapGroup("/products").AddEndpointFilter(async (context, next) =>
            Tokens.FromHeader(context.HttpContext.Request.Headers.Authorization) is null
                ? Results.Json(new { error = "invalid_token" }, statusCode: 401)
                : await next(context));
        products.MapGet("", (string remoteId) =>
            Results.Json(Products.Values.Where(p => (string?)p["remoteId"] == remoteId).Select(p => p.DeepClone()).ToArray()));
        products.MapPost("", (JsonObject body) =>
        {
            if (body["name"] is null) return Results.Json(new { error = "name is required" }, statusCode: 422);
            var id = $"P{Interlocked.Increment(ref _nextProduct)}";
            body["id"] = id;
            Products[id] = body;
            return Results.Json(body, statusCode: 201);
        });
        products.MapPut("/{id}", (string id, JsonObject body) =>
        {
            if (!Products.ContainsKey(id)) return Results.NotFound();
            body["id"] = id;
            Products[id] = body;
            return Results.Json(body);
        });
        products.MapDelete("/{id}", (string id) => Products.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound());
    }
}
