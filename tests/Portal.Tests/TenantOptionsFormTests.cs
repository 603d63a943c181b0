using System.ComponentModel;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Koppel.Portal.Components.Tenants.Options;

namespace Koppel.Portal.Tests;

/// <summary>The options form is generated from the settings type: inputs by type, JSON paths as the validators name them.</summary>
public sealed class TenantOptionsFormTests
{
    private static readonly IReadOnlyList<SettingNode> Tree = SettingsTree.Of(typeof(ExactOptiplySettings));

    private static SettingNode Leaf(string path) => Tree.SelectMany(n => n.Leaves()).Single(n => n.Path == path);

    [Fact]
    public void Nested_classes_become_titled_sections_in_declaration_order()
    {
        Assert.Equal(["Warehouses", "Products", "Compositions", "Suppliers", "Supplier products", "Sell orders", "Buy orders"], Tree.Select(n => n.Label));
        Assert.All(Tree, n => Assert.Equal(SettingKind.Section, n.Kind));
    }

    [Theory]
    [InlineData("warehouses.mode", SettingKind.Choice, false)]
    [InlineData("warehouses.mainWarehouseId", SettingKind.Id, true)]
    [InlineData("warehouses.subset", SettingKind.IdList, false)]
    [InlineData("products.mapStockLevel", SettingKind.Switch, false)]
    [InlineData("buyOrders.deletionsSince", SettingKind.Date, false)]
    [InlineData("sellOrders.salesInvoices", SettingKind.Choice, false)]
    public void Each_option_gets_the_input_of_its_type(string path, SettingKind kind, bool optional)
    {
        var leaf = Leaf(path);

        Assert.Equal(kind, leaf.Kind);
        Assert.Equal(optional, leaf.Optional);
    }

    [Fact]
    public void Enum_options_offer_readable_labels_for_their_json_values()
    {
        var rule = Leaf("buyOrders.receiptDateWithoutDeliveryTime");

        Assert.Equal([new SettingChoice("nextWorkingDay", "Next working day"), new SettingChoice("syncTime", "Sync time")], rule.Options);
    }

    [Theory]
    [InlineData("ReceiptDateWithoutDeliveryTime", "Receipt date without delivery time")]
    [InlineData("MapMinimumPurchaseQuantity", "Map minimum purchase quantity")]
    [InlineData("EANCode", "EAN code")]
    [InlineData("mode", "Mode")]
    public void Names_become_words(string name, string words) => Assert.Equal(words, SettingsTree.Words(name));

    [Fact]
    public void Numbers_text_lists_and_descriptions_of_other_settings_types_are_understood()
    {
        var tree = SettingsTree.Of(typeof(OtherSettings));
        var leaves = tree.SelectMany(n => n.Leaves()).ToDictionary(n => n.Path);

        Assert.Equal(SettingKind.Integer, leaves["batchSize"].Kind);
        Assert.Equal(SettingKind.Decimal, leaves["margin"].Kind);
        Assert.True(leaves["margin"].Optional);
        Assert.Equal(SettingKind.Text, leaves["prefix"].Kind);
        Assert.Equal(SettingKind.TextList, leaves["tags"].Kind);
        Assert.Equal(SettingKind.Other, leaves["window"].Kind);
        Assert.Equal("Added in front of every order number.", leaves["prefix"].Hint);
    }

    [Fact]
    public void A_draft_saves_what_was_edited_and_keeps_the_rest()
    {
        var stored = (JsonObject)JsonNode.Parse("""
            {"warehouses":{"mode":"main","mainWarehouseId":null,"subset":[]},
             "products":{"mapStockLevel":true,"mapStatus":true,"assembledFrom":"isMakeItem"},
             "buyOrders":{"toExact":true,"useLot":false,"receiptDateWithoutDeliveryTime":"nextWorkingDay","deletionsSince":"2023-11-20"}}
            """)!;
        var draft = new SettingsDraft(Tree, stored);

        draft.Set("warehouses.mode", "subset");
        draft.Set("warehouses.subset", new List<string> { "b3c1e0a2-0000-4000-8000-000000000001", " " });
        draft.Set("products.mapStatus", false);
        draft.Set("buyOrders.deletionsSince", new DateTime(2024, 2, 29));
        var json = draft.ToJson();

        Assert.Equal("subset", json["warehouses"]!["mode"]!.GetValue<string>());
        Assert.Equal(["b3c1e0a2-0000-4000-8000-000000000001"], json["warehouses"]!["subset"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.False(json["products"]!["mapStatus"]!.GetValue<bool>());
        Assert.True(json["products"]!["mapStockLevel"]!.GetValue<bool>());
        Assert.Equal("2024-02-29", json["buyOrders"]!["deletionsSince"]!.GetValue<string>());
        Assert.Null(json["warehouses"]!["mainWarehouseId"]);
    }

    [Fact]
    public void A_saved_draft_parses_back_into_the_integrations_settings()
    {
        var schema = new SettingsSchema<ExactOptiplySettings>(new ExactOptiplySettingsValidator());
        var draft = new SettingsDraft(Tree, schema.ToJson(schema.CreateDefault()));
        draft.Set("sellOrders.salesInvoices", "completed");
        draft.Set("suppliers.mapEmail", true);

        var (settings, errors) = schema.Parse(draft.ToJson());

        Assert.Empty(errors);
        var typed = Assert.IsType<ExactOptiplySettings>(settings);
        Assert.Equal(SourceFilter.Completed, typed.SellOrders.SalesInvoices);
        Assert.True(typed.Suppliers.MapEmail);
    }

    [Fact]
    public void An_empty_subset_in_subset_mode_is_named_by_the_path_the_form_shows_it_at()
    {
        var schema = new SettingsSchema<ExactOptiplySettings>(new ExactOptiplySettingsValidator());
        var draft = new SettingsDraft(Tree, schema.ToJson(schema.CreateDefault()));
        draft.Set("warehouses.mode", "subset");

        var (_, errors) = schema.Parse(draft.ToJson());

        var error = Assert.Single(errors);
        Assert.Equal("warehouses.subset", error.Field);
        Assert.Contains(Tree.SelectMany(n => n.Leaves()), n => n.Path == error.Field);
    }

    private sealed class OtherSettings
    {
        public int BatchSize { get; set; } = 50;
        public decimal? Margin { get; set; }
        [Description("Added in front of every order number.")]
        public string Prefix { get; set; } = "";
        public List<string> Tags { get; set; } = [];
        public TimeSpan Window { get; set; }
    }
}
