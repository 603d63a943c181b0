namespace Koppel.Portal.Components.Runs;

/// <summary>The external systems as people call them, by the key the connectors count their calls under.</summary>
public static class SystemNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["exactOnline"] = "Exact Online",
        ["optiply"] = "Optiply",
        ["optiply-login"] = "Optiply sign-in",
        ["goedgepickt"] = "GoedGepickt",
        ["moysklad"] = "MoySklad",
        ["planfix"] = "Planfix",
        ["shoprenter"] = "ShopRenter",
        ["shoprenter-token"] = "ShopRenter sign-in",
        ["unas"] = "UNAS",
        ["okos"] = "Okos-Ügyvitel",
    };

    public static string Of(string key) => Names.GetValueOrDefault(key, key);
}
