using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>One GoedGepickt account's data in the emulator, in the shapes the API answers with. Guarded by <see cref="Gate"/>.</summary>
internal sealed class GgAccount
{
    public Lock Gate { get; } = new();
    public Dictionary<string, JsonObject> Webshops { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonObject> Products { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonObject> Orders { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonObject> Suppliers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonObject> PurchaseOrders { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonObject> Webhooks { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static string NewUuid() => Guid.NewGuid().ToString();
}

/// <summary>Money as GoedGepickt writes it: a decimal string with two decimals ("2299.00").</summary>
internal static class GgMoney
{
    public static string Text(decimal value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
