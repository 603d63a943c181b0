using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tenants;

/// <summary>The answer of a connection test, as one sentence a person can act on.</summary>
public sealed record ConnectionTestResult(bool Succeeded, string Message)
{
    /// <summary>For a tenant whose flows wait for its connections: whether they started, or what they still wait for.</summary>
    public string? Flows { get; init; }
}

/// <summary>
/// "Test connection": calls the system with the tenant's stored connection, or with edits not saved yet laid over
/// it, and turns every failure into a sentence. Stored secrets stay on the server; only the answer leaves it.
/// </summary>
public sealed class ConnectionTester(
    IDbContextFactory<KoppelDb> dbs,
    IntegrationCatalog catalog,
    TenantConnections connections,
    ConnectorHttp http,
    ConnectionAddresses addresses,
    WaitingFlows waitingFlows,
    ILogger<ConnectionTester> log)
{
    /// <summary>A test is a person waiting at a button: the retry policy of a run would keep them for minutes.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="edits">Field values from the form: endpoint fields replace the stored ones; a secret replaces the stored one only when not empty.</param>
    /// <exception cref="KeyNotFoundException">Unknown tenant, or a system the tenant's integration does not connect to.</exception>
    public async Task<ConnectionTestResult> TestAsync(string slug, string system, IReadOnlyDictionary<string, string?>? edits, CancellationToken ct)
    {
        var (result, stored) = await TestOnceAsync(slug, system, edits, ct);
        // Only the stored connection counts towards starting a new tenant's flows: unsaved values run nothing.
        if (!result.Succeeded || !stored) return result;
        var flows = await waitingFlows.ConnectionGreenAsync(slug, system, async other => (await TestOnceAsync(slug, other, null, ct)).Result, ct);
        return flows is null ? result : result with { Flows = flows };
    }

    /// <returns>The answer, and whether it was the stored connection as it is that was tested.</returns>
    private async Task<(ConnectionTestResult Result, bool Stored)> TestOnceAsync(string slug, string system, IReadOnlyDictionary<string, string?>? edits,
        CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        // A keyed connection (one webshop of several) is tested under its stored name, webshops.<key>.
        var schema = catalog.Get(tenant.Integration).Connections.FirstOrDefault(c => c.Holds(system))
                     ?? throw new KeyNotFoundException($"This tenant's integration has no {system} connection.");
        if (schema.Test is null)
            return (new(false, $"The {schema.Name} connection has no test."), false);

        var stored = connections.Decrypt(tenant).GetValueOrDefault(system);
        var fields = new Dictionary<string, string>(stored?.Fields ?? new Dictionary<string, string>());
        // Stored secrets are never sent to an address they were not given for.
        var moved = edits is not null && addresses.Moved(schema, fields, edits);
        var secrets = moved ? [] : new Dictionary<string, string>(stored?.Secrets ?? new Dictionary<string, string>());
        var edited = false;
        foreach (var field in schema.Fields)
        {
            var value = edits?.GetValueOrDefault(field.Name)?.Trim();
            if (field.Secret)
            {
                if (string.IsNullOrEmpty(value)) continue;
                edited |= value != secrets.GetValueOrDefault(field.Name);
                secrets[field.Name] = value;
                continue;
            }
            if (value is not null)
            {
                edited |= value != (fields.GetValueOrDefault(field.Name) ?? field.Default ?? "");
                fields[field.Name] = value;
            }
            else if (!fields.ContainsKey(field.Name) && field.Default is not null) fields[field.Name] = field.Default;
            if (ConnectionAddresses.IsAddress(field) && fields.GetValueOrDefault(field.Name) is { Length: > 0 } url && addresses.Problem(url) is { } problem)
                return (new(false, $"{field.Label}: {char.ToLowerInvariant(problem[0])}{problem[1..]}"), false);
        }
        if (moved && schema.Fields.Where(f => f.Secret && f.Required && !secrets.ContainsKey(f.Name)).Select(f => f.Label).ToList() is { Count: > 0 } missing)
            return (new(false, $"The address points at another host: give the {string.Join(" and ", missing)} again. Stored secrets are sent only to the address they were given for."), false);

        // The call itself is never cancelled: a token refresh cut off after the system rotated the refresh token
        // would lose the new one and disconnect the tenant. The person waiting stops waiting after Timeout instead.
        Task<string>? call = null;
        try
        {
            // A secret the system rotates during the test (Exact's refresh token) is stored only when the stored
            // connection itself was tested: a rotated token of unsaved values belongs to no stored connection.
            var connection = new ConnectionInfo(system, fields, secrets) { Store = edited ? null : stored?.Store };
            call = schema.Test(connection, http, CancellationToken.None);
            return (new(true, await call.WaitAsync(Timeout, ct)), stored is not null && !edited && !moved);
        }
        catch (SyncProblem problem)
        {
            // Connector problems are written for customers already (and never contain secrets).
            return (new(false, problem.Message), false);
        }
        catch (TimeoutException)
        {
            Background.Observe(call!, log, $"Connection test of {system} for {slug}");
            return (new(false, $"{schema.Name} did not answer within {Timeout.TotalSeconds:0} seconds. Check the address, or try again later."), false);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "Connection test of {System} for {Tenant} could not reach the system", system, slug);
            return (new(false, $"{schema.Name} could not be reached: {e.Message}"), false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Connection test of {System} for {Tenant} failed unexpectedly", system, slug);
            return (new(false, $"The {schema.Name} test stopped on an unexpected error. Support finds the details in the server log."), false);
        }
    }
}
