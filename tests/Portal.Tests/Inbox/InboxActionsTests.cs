using System.Security.Claims;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Portal.Auth;
using Koppel.Portal.Components.Inbox;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Inbox;

/// <summary>The inbox page's changes: support resolves and reopens, a customer's circuit is refused whatever it sends.</summary>
public sealed class InboxActionsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string NoName = "The store refused the product: name is required.";

    /// <summary>The signed-in user of a circuit, as the server's authentication would hand it over.</summary>
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private static CurrentUser Support() => new(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, ApiHost.SupportEmail), new Claim(ClaimTypes.Role, Roles.Support)], "test"))));

    private static CurrentUser Customer(string tenant) => new(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, $"buyer@{tenant}.test"), new Claim(ClaimTypes.Role, Roles.Customer), new Claim(PortalClaims.Tenant, tenant)], "test"))));

    private ErrorInbox Inbox => host.Services.GetRequiredService<ErrorInbox>();

    /// <summary>A tenant with two products failing for a missing name and one order failing for another reason.</summary>
    private async Task<List<OpenError>> SeedAsync(string slug)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var at = new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);
        var tenant = new Tenant { Slug = slug, Name = $"Inbox {slug}", Integration = "test-shop", CreatedAt = at, UpdatedAt = at };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var errors = new[] { ("products", "B-100", NoName), ("products", "R-200", NoName), ("orders", "SO-7", "The customer is unknown.") }
            .Select(e => new OpenError { TenantId = tenant.Id, Flow = e.Item1, SourceKey = e.Item2, Reason = e.Item3, FirstFailedAt = at, LastFailedAt = at, Attempts = 2 })
            .ToList();
        db.OpenErrors.AddRange(errors);
        await db.SaveChangesAsync();
        return errors;
    }

    [Fact]
    public async Task Open_errors_are_counted_per_flow_for_the_flow_rows()
    {
        await SeedAsync("inbox-counts");

        var counts = await Inbox.CountsAsync("inbox-counts", default);

        Assert.Equal(["orders 1", "products 2"], counts.Select(c => $"{c.Flow} {c.Count}").Order());
    }

    [Fact]
    public async Task Support_resolves_a_group_with_a_note_under_its_own_name()
    {
        var tenantId = (await SeedAsync("inbox-support"))[0].TenantId;
        var group = (await Inbox.GroupsAsync("inbox-support", new(Flow: "products"), default)).Single();

        var resolved = await new InboxActions(Inbox, Support()).ResolveGroupAsync(group, new(), "  Names filled in at the shop ", default);

        Assert.Equal(2, resolved);
        Assert.Empty(await Inbox.GroupsAsync("inbox-support", new(Flow: "products"), default));
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var rows = await db.OpenErrors.Where(o => o.Flow == "products" && o.TenantId == tenantId).ToListAsync();
        Assert.All(rows, r => Assert.Equal((ApiHost.SupportEmail, "Names filled in at the shop"), (r.ResolvedBy, r.ResolutionNote)));
    }

    [Fact]
    public async Task Support_reopens_a_record_it_resolved()
    {
        var errors = await SeedAsync("inbox-reopen");
        var actions = new InboxActions(Inbox, Support());

        Assert.True(await actions.ResolveAsync("inbox-reopen", errors[0].Id, null, default));
        Assert.Equal(1, (await Inbox.GroupsAsync("inbox-reopen", new(Flow: "products"), default)).Single().Count);
        Assert.True(await actions.ReopenAsync("inbox-reopen", errors[0].Id, default));

        Assert.Equal(2, (await Inbox.GroupsAsync("inbox-reopen", new(Flow: "products"), default)).Single().Count);
    }

    [Fact]
    public async Task A_customer_cannot_resolve_even_its_own_tenants_errors()
    {
        var errors = await SeedAsync("inbox-customer");
        var group = (await Inbox.GroupsAsync("inbox-customer", new(Flow: "products"), default)).Single();
        var customer = new InboxActions(Inbox, Customer("inbox-customer"));

        Assert.False(customer.CanResolve);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => customer.ResolveGroupAsync(group, new(), "done", default));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => customer.ResolveAsync("inbox-customer", errors[2].Id, null, default));

        Assert.Equal(3, await Inbox.CountAsync("inbox-customer", null, default));
    }
}
