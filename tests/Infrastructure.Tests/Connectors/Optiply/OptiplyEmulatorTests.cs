using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>What the emulator answers on the wire, as Optiply's API does.</summary>
public sealed class OptiplyEmulatorTests
{
    private static JsonObject Envelope(string type, JsonObject attributes) =>
        new() { ["data"] = new JsonObject { ["type"] = type, ["attributes"] = attributes } };

    [Fact]
    public async Task A_created_resource_answers_201_with_a_text_id_and_money_as_text()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Post, $"products?accountId={OptiplyHub.Account}&couplingId=7",
            Envelope("products", OptiplyHub.Product(price: 786.489m)));

        Assert.Equal(201, status);
        Assert.IsType<string>((string?)body!["data"]!["id"]);
        Assert.Equal("products", (string?)body["data"]!["type"]);
        Assert.Equal("786.49", (string?)body["data"]!["attributes"]!["price"]);
        Assert.Equal(2001L, (long?)body["data"]!["attributes"]!["accountId"]);
        Assert.NotNull(body["data"]!["relationships"]!["supplierProducts"]!["links"]!["related"]);
    }

    [Fact]
    public async Task A_call_without_the_json_api_media_type_is_refused()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, _, _) = await optiply.SendAsync(HttpMethod.Get, "products", contentType: "application/json");

        Assert.Equal(415, status);
    }

    [Fact]
    public async Task A_call_without_a_valid_bearer_token_answers_401()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Get, "products", token: "made-up");

        Assert.Equal(401, status);
        Assert.Equal("invalid_token", (string?)body!["error"]);
    }

    [Fact]
    public async Task An_unknown_id_answers_404_in_Optiplys_error_shape()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Patch, "products/999", Envelope("products", new JsonObject { ["stockLevel"] = 1 }));

        Assert.Equal(404, status);
        Assert.Equal("product with id 999 not found", (string?)body!["errors"]![0]!["detail"]);
    }

    [Fact]
    public async Task Another_accounts_data_is_neither_listed_nor_reachable()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var foreign = optiply.Sandbox.Add("3003", "products", OptiplyHub.Product());

        var (listStatus, list, _) = await optiply.SendAsync(HttpMethod.Get, "products");
        var (getStatus, _, _) = await optiply.SendAsync(HttpMethod.Get, $"products/{foreign}");
        var (scopeStatus, _, _) = await optiply.SendAsync(HttpMethod.Get, "products?accountId=3003");

        Assert.Equal(200, listStatus);
        Assert.Empty(list!["data"]!.AsArray());
        Assert.Equal(404, getStatus);
        Assert.Equal(403, scopeStatus);
    }

    [Fact]
    public async Task Clearing_a_required_attribute_with_a_patch_is_refused()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var product = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Patch, $"products/{product}",
            Envelope("products", new JsonObject { ["name"] = null }));

        Assert.Equal(400, status);
        Assert.Equal("name must not be null", (string?)body!["errors"]![0]!["detail"]);
        Assert.Equal("Koffiebonen 1 kg", (string?)optiply.Sandbox.Products(OptiplyHub.Account)[0]["name"]);
    }
}
