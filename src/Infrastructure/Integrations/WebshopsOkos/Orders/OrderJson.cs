using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// A <see cref="WebshopOrder"/> as a flow record: the stream writes it, the mapping copies its fields (so the log and
/// the mapping editor show the order in the seeds' words), and the sink reads the mapped payload back.
/// </summary>
internal static class OrderJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The order's top-level fields, each one mapping rule.</summary>
    public static readonly string[] Fields =
        ["webshopKey", "orderId", "code", "date", "currency", "buyer", "lines", "services", "paymentMethod", "shippingMethod", "comment", "invoiceStatus"];

    public static JsonObject Write(WebshopOrder order) => JsonSerializer.SerializeToNode(order, Options)!.AsObject();

    /// <exception cref="SyncProblem">The mapping left out a field the ERP document needs.</exception>
    public static WebshopOrder Read(JsonObject payload)
    {
        try
        {
            return payload.Deserialize<WebshopOrder>(Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new SyncProblem($"The mapped order is not complete ({e.Message}); check the orders mapping.", e);
        }
    }
}
