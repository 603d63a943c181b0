using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// Ids of ERP records found by a key (product code, service name, method name), looked up or created once per run
/// and shared by the run's parallel orders, so two orders with the same new product create it once.
/// </summary>
internal sealed class OkosNames(Func<string, CancellationToken, Task<string?>> find, Func<string, CancellationToken, Task<string>> create)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _ids = new(StringComparer.Ordinal);

    public async Task<string> IdAsync(string key, CancellationToken ct)
    {
        var entry = _ids.GetOrAdd(key, k => new Lazy<Task<string>>(() => FindOrCreateAsync(k, ct)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed lookup must not stay cached: the next order (or run) tries again.
            _ids.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, entry));
            throw;
        }
    }

    private async Task<string> FindOrCreateAsync(string key, CancellationToken ct) =>
        await find(key, ct) ?? await create(key, ct);

    /// <summary>Records listed whole (methods): the list is read once, then names are matched in it.</summary>
    public static OkosNames FromList(Func<CancellationToken, Task<IReadOnlyList<JsonObject>>> list, Func<string, CancellationToken, Task<string>> create)
    {
        Task<IReadOnlyList<JsonObject>>? all = null;
        return new OkosNames(async (name, ct) =>
        {
            var records = await (all ??= list(ct));
            return records.FirstOrDefault(r => OkosClient.Text(r, "name") == name) is { } found ? OkosClient.Text(found, "id") : null;
        }, create);
    }
}
