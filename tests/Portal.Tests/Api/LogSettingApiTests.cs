using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>The admin API's log entries name the setting that decided them, in the list and in one entry.</summary>
public sealed class LogSettingApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Slug = "log-setting";

    /// <summary>Two entries as a run logs them: one a tenant option decided, one the target system decided.</summary>
    private async Task<(long Decided, long Other)> SeedAsync()
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{Slug}", new
        {
            name = "Log setting",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = "log-setting-secret-77" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenantId = (await db.Tenants.GetBySlugAsync(Slug, default)).Id;
        var at = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);
        var run = new SyncRun { TenantId = tenantId, Flow = "products", Status = RunStatus.CompletedWithErrors, StartedAt = at };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        var decided = new SyncLogEntry
        {
            TenantId = tenantId, RunId = run.Id, Flow = "products", Outcome = Outcome.Skipped, At = at, SourceKey = "00003",
            Message = "It was deleted in the shop before the deletions start date, so it was left alone.", Setting = "buyOrders.deletionsSince",
        };
        var other = new SyncLogEntry
        {
            TenantId = tenantId, RunId = run.Id, Flow = "products", Outcome = Outcome.Failed, At = at.AddSeconds(1), SourceKey = "00004",
            Message = "The shop answered 500 Internal Server Error.",
        };
        db.SyncLog.AddRange(decided, other);
        await db.SaveChangesAsync();
        return (decided.Id, other.Id);
    }

    [Fact]
    public async Task Log_rows_and_a_single_entry_carry_the_setting_that_decided_them_and_null_otherwise()
    {
        var (decided, other) = await SeedAsync();
        var client = host.Client(ApiHost.SupportKey);

        var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{Slug}/log");
        var entry = await client.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{Slug}/log/{decided}");

        var rows = page!["rows"]!.AsArray().ToDictionary(r => (long)r!["id"]!, r => r!.AsObject());
        Assert.Equal("buyOrders.deletionsSince", (string?)rows[decided]["setting"]);
        Assert.True(rows[other].ContainsKey("setting"));
        Assert.Null(rows[other]["setting"]);
        Assert.Equal("buyOrders.deletionsSince", (string?)entry!["entry"]!["setting"]);
    }
}
