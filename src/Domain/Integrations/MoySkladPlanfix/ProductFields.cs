namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>
/// The fields the Planfix product directory has beforehand (Planfix's REST API cannot create directory fields),
/// by the names the issue fixes, and the payload names the products and stocks flows write them under.
/// </summary>
public static class ProductFields
{
    public const string DefaultPriceType = "Цена продажи";

    /// <summary>Payload field -> Planfix directory field name.</summary>
    public static readonly IReadOnlyDictionary<string, string> DirectoryNames = new Dictionary<string, string>
    {
        ["name"] = "Name",
        ["code"] = "Code",
        ["article"] = "Article",
        ["unit"] = "Unit",
        ["stock"] = "Stock",
        ["available"] = "Available",
        ["reserve"] = "Reserve",
        ["externalCode"] = "External code",
    };

    public static readonly IReadOnlySet<string> Fixed = DirectoryNames.Values.ToHashSet();

    /// <summary>Payload objects whose keys are directory field names already (price types, extra fields).</summary>
    public const string Prices = "prices";
    public const string Extra = "extra";
    public const string Archived = "archived";

    /// <summary>Every directory field the settings need, fixed ones first.</summary>
    public static IReadOnlyList<string> Required(ProductOptions options) =>
        [.. DirectoryNames.Values, .. options.PriceTypes, .. options.ExtraFields.Values];
}
