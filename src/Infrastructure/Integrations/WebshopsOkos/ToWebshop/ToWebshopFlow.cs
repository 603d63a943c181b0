using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// The shape the flows from the ERP to a webshop share: every 5 minutes, the ERP's change feed of their kind, records
/// read by <see cref="RecordReader"/>, the value's rules and one sink; switched off by the webshop's option.
/// </summary>
internal static class ToWebshopFlow
{
    /// <summary>Builds, for one run, what turns the changed product codes of a page into records.</summary>
    public delegate Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<SourceRecord>>> RecordReader(Webshop shop, OkosClient erp, WebshopProducts products);

    /// <param name="firstRules">Rules of this flow alone, applied before the shared ones.</param>
    public static FlowDefinition Define(string key, string name, string entity, ShopValue value, RecordReader reader, params IRecordRule[] firstRules) => new()
    {
        Key = key,
        Name = name,
        Entity = entity,
        SourceSystem = "Okos-Ügyvitel",
        TargetSystem = "Webshop",
        Title = new("{sku}"),
        DefaultSchedule = "5",
        DefaultMapping = FieldMapping.Of((value.Field, Rules.Copy(value.Field)), (value.ShopField, Rules.Copy(value.ShopField))),
        TargetFields =
        [
            new(value.Field, "number", $"The {value.Words} written to the webshop"),
            new(value.ShopField, "number", $"The webshop's {value.Words} before the write (not sent: it makes a value changed in the shop by hand count as a change)"),
        ],
        Build = context => Build(context, value, reader, firstRules),
    };

    private static FlowParts Build(FlowContext context, ShopValue value, RecordReader reader, IRecordRule[] firstRules)
    {
        var shop = Webshop.Of(context);
        var products = WebshopProducts.For(shop, context);
        var sink = new ShopValueSink(products, value);
        if (!value.IsPushed(shop.Settings))
            return new SwitchedOff($"The {value.Words} is not sent to the webshop \"{shop.Key}\": its {value.Option} option is off.", $"webshops.{shop.Key}.{value.Option}").Parts(sink);
        var erp = OkosClient.For(context.Connection(OkosAccount.System), context.Http);
        return new FlowParts(new ErpChangeStream(erp, value.Kind, reader(shop, erp, products)), sink, [.. firstRules, .. ShopValueRules.For(value)]);
    }
}
