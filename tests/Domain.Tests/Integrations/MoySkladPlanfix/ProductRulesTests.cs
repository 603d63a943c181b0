using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.MoySkladPlanfix;

public sealed class ProductRulesTests
{
    private static JsonObject Product(bool archived = false) => new()
    {
        ["id"] = "5f1c0a7e-0000-4000-8000-000000000001",
        ["name"] = "Чайник электрический",
        ["code"] = "00017",
        ["article"] = "KT-17",
        ["externalCode"] = "x9Fq2",
        ["archived"] = archived,
        ["salePrices"] = new JsonArray(
            new JsonObject { ["value"] = 129900.0, ["priceType"] = new JsonObject { ["name"] = "Цена продажи" } },
            new JsonObject { ["value"] = 99950.0, ["priceType"] = new JsonObject { ["name"] = "Оптовая цена" } }),
        ["attributes"] = new JsonArray(
            new JsonObject { ["name"] = "Бренд", ["type"] = "string", ["value"] = "Bosch" },
            new JsonObject { ["name"] = "Поставщик", ["type"] = "counterparty", ["value"] = new JsonObject { ["name"] = "ООО Ромашка" } }),
        ["uomName"] = "шт",
        ["stock"] = 12.0,
        ["reserve"] = 3.0,
        ["quantity"] = 11.0,
    };

    private static RuleDecision.Keep Flatten(ProductOptions options, JsonObject product) =>
        Assert.IsType<RuleDecision.Keep>(new FlattenProduct(options).Apply(product));

    [Fact]
    public void Prices_of_the_chosen_types_become_roubles_under_the_price_type_name()
    {
        var options = new ProductOptions { PriceTypes = ["Цена продажи", "Оптовая цена"] };

        var prices = Flatten(options, Product()).Data["prices"]!.AsObject();

        Assert.Equal(1299m, prices["Цена продажи"]!.GetValue<decimal>());
        Assert.Equal(999.5m, prices["Оптовая цена"]!.GetValue<decimal>());
    }

    [Fact]
    public void A_chosen_price_type_the_product_lacks_is_left_out_with_a_warning()
    {
        var kept = Flatten(new ProductOptions { PriceTypes = ["Цена продажи", "Розница"] }, Product());

        Assert.False(kept.Data["prices"]!.AsObject().ContainsKey("Розница"));
        Assert.Contains(kept.Warnings, w => w.Contains("Розница"));
    }

    [Fact]
    public void Available_is_MoySklad_quantity_and_stock_and_reserve_come_as_they_are()
    {
        var data = Flatten(new ProductOptions(), Product()).Data;

        Assert.Equal((12m, 11m, 3m), (data["stock"]!.GetValue<decimal>(), data["available"]!.GetValue<decimal>(), data["reserve"]!.GetValue<decimal>()));
        Assert.Equal("шт", data["unit"]!.ToString());
    }

    [Fact]
    public void Extra_fields_map_attribute_names_to_Planfix_fields_and_references_give_their_name()
    {
        var options = new ProductOptions { ExtraFields = new() { ["Бренд"] = "Brand", ["Поставщик"] = "Supplier", ["Цвет"] = "Colour" } };

        var extra = Flatten(options, Product()).Data["extra"]!.AsObject();

        Assert.Equal("Bosch", extra["Brand"]!.ToString());
        Assert.Equal("ООО Ромашка", extra["Supplier"]!.ToString());
        Assert.True(extra.ContainsKey("Colour"));
        Assert.Null(extra["Colour"]);
    }

    [Fact]
    public void An_archived_product_is_marked_archived()
    {
        Assert.True(Flatten(new ProductOptions(), Product(archived: true)).Data["archived"]!.GetValue<bool>());
        Assert.False(Flatten(new ProductOptions(), Product()).Data["archived"]!.GetValue<bool>());
    }

    [Fact]
    public void The_default_mapping_writes_every_seed_field_without_problems()
    {
        var data = Flatten(new ProductOptions(), Product()).Data;

        var result = MappingEngine.Apply(ProductMapping.Default, data);

        Assert.Empty(result.Problems);
        Assert.Equal("Чайник электрический", result.Payload["name"]!.ToString());
        Assert.Equal(["name", "code", "article", "unit", "stock", "available", "reserve", "externalCode", "archived", "prices", "extra"],
            result.Payload.Select(p => p.Key));
    }

    [Fact]
    public void Stock_of_a_product_without_a_Planfix_entry_is_skipped_silently()
    {
        var rule = new SkipStockOfProductNotInPlanfix();

        var skip = Assert.IsType<RuleDecision.Skip>(rule.Apply(new JsonObject { ["stock"] = 1 }));
        Assert.IsType<RuleDecision.Keep>(rule.Apply(new JsonObject { ["stock"] = 1, ["planfixEntryKey"] = "17" }));

        Assert.False(skip.Log);
    }
}
