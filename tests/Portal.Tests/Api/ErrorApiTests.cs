using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>Open errors through the API: groups by reason, resolved by support, customers limited to reading their own.</summary>
public sealed class ErrorApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Refused = "The shop refused the item: name is required.";

    private async Task CreateAsync(string slug)
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"Errors {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = "errors-secret-1414" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Open errors as the engine would leave them: two records with one reason, one with another.</summary>
    private async Task<List<long>> SeedAsync(string slug)
    {
        await CreateAsync(slug);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenantId = (await db.Tenants.GetBySlugAsync(slug, default)).Id;
        var at = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);
        var rows = new[] { ("00002", Refused), ("00005", Refused), ("00009", "The price is not a number.") }
            .Select((r, i) => new OpenError { TenantId = tenantId, Flow = "products", SourceKey = r.Item1, Reason = r.Item2, FirstFailedAt = at, LastFailedAt = at.AddMinutes(i), Attempts = 1 })
            .ToList();
        db.OpenErrors.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private async Task<JsonArray> GroupsAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/v1/tenants/{slug}/errors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    [Fact]
    public async Task Open_errors_are_listed_as_groups_by_reason_with_their_counts_newest_first()
    {
        await SeedAsync("errors-groups");

        var groups = await GroupsAsync(host.Client(ApiHost.SupportKey), "errors-groups");

        Assert.Equal(["The price is not a number. 1", $"{Refused} 2"], groups.Select(g => $"{(string?)g!["reason"]} {(int)g!["count"]!}"));
    }

    [Fact]
    public async Task Groups_are_filtered_by_text_in_the_reason_and_a_negative_age_is_refused_by_field()
    {
        await SeedAsync("errors-filter");
        var support = host.Client(ApiHost.SupportKey);

        var response = await support.GetAsync("/api/v1/tenants/errors-filter/errors?q=NOT%20A%20NUMBER&failingForHours=1");
        var groups = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["The price is not a number."], groups.Select(g => (string?)g!["reason"]));
        var negative = await support.GetAsync("/api/v1/tenants/errors-filter/errors?failingForHours=-1");
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull(JsonNode.Parse(await negative.Content.ReadAsStringAsync())!["errors"]!["failingForHours"]);
    }

    [Fact]
    public async Task Support_resolves_a_group_with_a_note_and_reopens_one_record()
    {
        var ids = await SeedAsync("errors-resolve");
        var support = host.Client(ApiHost.SupportKey);

        var resolved = await support.PostAsJsonAsync("/api/v1/tenants/errors-resolve/errors/resolve", new { flow = "products", reason = Refused, note = "Fixed in the shop" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await resolved.Content.ReadAsStringAsync())!["count"]!);
        Assert.Single(await GroupsAsync(support, "errors-resolve"));

        var reopened = await support.PostAsync($"/api/v1/tenants/errors-resolve/errors/{ids[0]}/reopen", null);
        Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);
        Assert.Contains(await GroupsAsync(support, "errors-resolve"), g => (string?)g!["reason"] == Refused && (int)g!["count"]! == 1);
    }

    [Fact]
    public async Task A_group_without_flow_and_reason_is_a_validation_problem()
    {
        await CreateAsync("errors-invalid");

        var response = await host.Client(ApiHost.SupportKey).PostAsJsonAsync("/api/v1/tenants/errors-invalid/errors/resolve", new { note = "?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_customer_reads_its_own_errors_but_neither_another_tenants_nor_resolves_any()
    {
        var ownIds = await SeedAsync("errors-own");
        var otherIds = await SeedAsync("errors-other");
        await host.Services.GetRequiredService<CustomerUsers>().CreateAsync("errors-own", "user@errors-own.example", "Customer-pass-1", CancellationToken.None);
        using var customer = await PortalSession.SignInAsync(host, "user@errors-own.example", "Customer-pass-1");

        Assert.Equal(2, (await GroupsAsync(customer.Http, "errors-own")).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/errors-other/errors")).StatusCode);
        var foreign = await customer.Http.PostAsJsonAsync($"/api/v1/tenants/errors-other/errors/{otherIds[0]}/resolve", new { note = "not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var own = await customer.Http.PostAsJsonAsync($"/api/v1/tenants/errors-own/errors/{ownIds[0]}/resolve", new { note = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(2, (await GroupsAsync(host.Client(ApiHost.SupportKey), "errors-other")).Count);
        Assert.Equal(2, (await GroupsAsync(host.Client(ApiHost.SupportKey), "errors-own")).Count);
    }

    [Fact]
    public async Task A_customer_retries_a_group_of_its_own_tenant_as_one_run_and_is_told_its_cost_but_not_another_tenants()
    {
        await SeedAsync("errors-retry-own");
        await SeedAsync("errors-retry-other");
        await host.Services.GetRequiredService<CustomerUsers>().CreateAsync("errors-retry-own", "user@errors-retry-own.example", "Customer-pass-1", CancellationToken.None);
        using var customer = await PortalSession.SignInAsync(host, "user@errors-retry-own.example", "Customer-pass-1");

        var foreign = await customer.Http.PostAsJsonAsync("/api/v1/tenants/errors-retry-other/errors/retry", new { flow = "products", reason = Refused });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var response = await customer.Http.PostAsJsonAsync("/api/v1/tenants/errors-retry-own/errors/retry", new { flow = "products", reason = Refused });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("records", 2, 2, 2), ((string?)answer["run"]!["mode"], (int)answer["records"]!, (int)answer["calls"]!["sourceReads"]!, (int)answer["calls"]!["targetWritesAtMost"]!));
        Assert.Equal(("Test shop", "Test store"), ((string?)answer["calls"]!["sourceSystem"], (string?)answer["calls"]!["targetSystem"]));
    }

    [Fact]
    public async Task A_retry_without_a_flow_or_with_nothing_to_match_is_refused_by_field_or_not_found()
    {
        await SeedAsync("errors-retry-none");
        var support = host.Client(ApiHost.SupportKey);

        var noFlow = await support.PostAsJsonAsync("/api/v1/tenants/errors-retry-none/errors/retry", new { reason = Refused });
        Assert.Equal(HttpStatusCode.BadRequest, noFlow.StatusCode);
        Assert.NotNull(JsonNode.Parse(await noFlow.Content.ReadAsStringAsync())!["errors"]!["flow"]);
        var empty = await support.PostAsJsonAsync("/api/v1/tenants/errors-retry-none/errors/retry", new { flow = "products", sourceKeys = Array.Empty<string>() });
        Assert.NotNull(JsonNode.Parse(await empty.Content.ReadAsStringAsync())!["errors"]!["sourceKeys"]);
        var nothing = await support.PostAsJsonAsync("/api/v1/tenants/errors-retry-none/errors/retry", new { flow = "products", sourceKeys = new[] { "99999" } });
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
    }

    /// <summary>Two failing shelves with names and source data, as a run logs them, their open errors pointing at the entries.</summary>
    private async Task SeedNamedAsync(string slug)
    {
        await CreateAsync(slug);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenantId = (await db.Tenants.GetBySlugAsync(slug, default)).Id;
        var at = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);
        var run = new SyncRun { TenantId = tenantId, Flow = "products", Status = RunStatus.CompletedWithErrors, StartedAt = at };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        foreach (var (key, name, note) in new[] { ("00002", "SKU-2 · Oak shelf", "hinge missing"), ("00005", "SKU-5 · Pine shelf", "scratched") })
        {
            var entry = new SyncLogEntry
            {
                TenantId = tenantId, RunId = run.Id, Flow = "products", Outcome = Outcome.Failed, At = at, SourceKey = key, DisplayName = name,
                Message = Refused, SourcePayload = $$"""{"id":"{{key}}","note":"{{note}}"}""",
            };
            db.SyncLog.Add(entry);
            await db.SaveChangesAsync();
            db.OpenErrors.Add(new OpenError
            {
                TenantId = tenantId, Flow = "products", SourceKey = key, DisplayName = name, Reason = Refused,
                FirstFailedAt = at, LastFailedAt = at, Attempts = 1, LastLogId = entry.Id,
            });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<JsonArray> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    [Fact]
    public async Task Records_are_found_by_name_and_by_text_in_their_source_data_within_the_callers_tenant_only()
    {
        await SeedNamedAsync("errors-find");
        await SeedNamedAsync("errors-find-other");
        await host.Services.GetRequiredService<CustomerUsers>().CreateAsync("errors-find", "user@errors-find.example", "Customer-pass-1", CancellationToken.None);
        using var customer = await PortalSession.SignInAsync(host, "user@errors-find.example", "Customer-pass-1");

        var byName = await ReadAsync(customer.Http, "/api/v1/tenants/errors-find/errors/records?record=oak%20sh");
        Assert.Equal(["00002 SKU-2 · Oak shelf"], byName.Select(r => $"{(string?)r!["sourceKey"]} {(string?)r!["displayName"]}"));
        var byData = await ReadAsync(customer.Http, "/api/v1/tenants/errors-find/errors/records?record=HINGE");
        Assert.Equal(["00002"], byData.Select(r => (string?)r!["sourceKey"]));
        var group = Assert.Single(await ReadAsync(customer.Http, "/api/v1/tenants/errors-find/errors?record=scratched"));
        Assert.Equal((Refused, 1), ((string?)group!["reason"], (int)group["count"]!));
        Assert.Equal(2, (await ReadAsync(customer.Http, "/api/v1/tenants/errors-find/errors/records")).Count);

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Http.GetAsync("/api/v1/tenants/errors-find-other/errors/records?record=oak")).StatusCode);
    }
}
