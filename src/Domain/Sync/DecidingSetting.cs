namespace Koppel.Domain.Sync;

/// <summary>
/// How a log entry names the tenant setting that decided a record's outcome. An option is named by its camelCase
/// path in the tenant's settings, as the options editor and the admin API name it ("warehouses",
/// "sellOrders.salesOrders"); a mapping field by "mapping:" + flow + ":" + target field, because a mapping belongs to
/// one flow and its field names may hold dots of their own.
/// </summary>
public static class DecidingSetting
{
    public const string MappingPrefix = "mapping:";
    /// <summary>The longest name stored: option paths and target field names are short, set by the integrations.</summary>
    public const int MaxLength = 300;

    public static string Mapping(string flow, string field) => $"{MappingPrefix}{flow}:{field}";

    /// <summary>The flow and target field of a mapping setting; false for an option path.</summary>
    public static bool IsMapping(string setting, out string flow, out string field)
    {
        flow = field = "";
        if (!setting.StartsWith(MappingPrefix, StringComparison.Ordinal)) return false;
        var rest = setting[MappingPrefix.Length..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1) return false;
        flow = rest[..colon];
        field = rest[(colon + 1)..];
        return true;
    }
}
