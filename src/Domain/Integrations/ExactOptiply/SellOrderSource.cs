namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// The three Exact documents a sell order can come from. Each record's id carries its source as a prefix
/// ("order:", "invoice:", "production:" + the Exact GUID), so ids of different documents never meet in the
/// flow's links, and each record's data names its source in "Source" for the rules and the mapping.
/// </summary>
public static class SellOrderSource
{
    public const string SalesOrder = "salesOrder";
    public const string SalesInvoice = "salesInvoice";
    public const string ProductionOrder = "productionOrder";

    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        [SalesOrder] = "order:",
        [SalesInvoice] = "invoice:",
        [ProductionOrder] = "production:",
    };

    public static string RecordId(string source, string exactId) => Prefixes[source] + exactId.ToLowerInvariant();

    /// <summary>The source and Exact id of a record id; null when the id has no known prefix.</summary>
    public static (string Source, string ExactId)? Parse(string recordId)
    {
        foreach (var (source, prefix) in Prefixes)
            if (recordId.StartsWith(prefix, StringComparison.Ordinal))
                return (source, recordId[prefix.Length..]);
        return null;
    }

    /// <summary>The Exact id inside a prefixed record id (what Optiply gets as remoteId, per the seed's tables).</summary>
    public static string ExactId(string recordId)
    {
        var colon = recordId.LastIndexOf(':');
        return colon < 0 ? recordId : recordId[(colon + 1)..];
    }

    public static SourceFilter FilterOf(SellOrderSettings settings, string source) => source switch
    {
        SalesOrder => settings.SalesOrders,
        SalesInvoice => settings.SalesInvoices,
        ProductionOrder => settings.ProductionOrders,
        _ => SourceFilter.Off,
    };
}
