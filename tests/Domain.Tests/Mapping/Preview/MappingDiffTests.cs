using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Tests.Mapping.Preview;

public sealed class MappingDiffTests
{
    private static readonly FieldMapping Default = ProductMapping.Default;

    [Fact]
    public void The_same_mapping_has_no_changes()
    {
        Assert.Empty(MappingDiff.Compare(Default, MappingJson.Deserialize(MappingJson.Serialize(Default))));
    }

    [Fact]
    public void A_changed_rule_is_shown_before_and_after_in_plain_words()
    {
        var edited = Default.WithRule("name", If(Cond.Equals(Copy("IsStockItem"), false), Const("Service"), Copy("Description")));

        var change = Assert.Single(MappingDiff.Compare(Default, edited));

        Assert.Equal(new FieldChange("name", FieldChangeKind.RuleChanged, "Description",
            "if IsStockItem = false then \"Service\" otherwise Description"), change);
    }

    [Fact]
    public void Switching_a_field_off_is_its_own_change()
    {
        var change = Assert.Single(MappingDiff.Compare(Default, Default.WithEnabled("stockLevel", false)));

        Assert.Equal(("stockLevel", FieldChangeKind.Disabled), (change.Target, change.Kind));
    }

    [Fact]
    public void Added_and_removed_fields_are_named()
    {
        var older = FieldMapping.Of(("name", Copy("Description")), ("eanCode", Copy("Barcode")));
        var newer = FieldMapping.Of(("name", Copy("Description")), ("articleCode", Upper(Copy("SearchCode"))));

        Assert.Equal(
            [new FieldChange("articleCode", FieldChangeKind.Added, null, "upper SearchCode"), new FieldChange("eanCode", FieldChangeKind.Removed, "Barcode", null)],
            MappingDiff.Compare(older, newer));
    }

    [Fact]
    public void Rules_read_as_plain_words_in_the_field_list_and_the_diff()
    {
        Assert.Equal("if SalesPrice is not empty then round nearest SalesPrice to 2 decimals otherwise 0", RuleText.Describe(Default.Find("price")!.Rule));
        Assert.Equal("if (IsPurchaseItem = true or IsMakeItem = 1) then \"enabled\" otherwise \"disabled\"", RuleText.Describe(Default.Find("status")!.Rule));
        Assert.Equal("lookup Status in 2 rows, else null", RuleText.Describe(Lookup(Copy("Status"), Null(), ("21", "completed"), ("12", "open"))));
        Assert.Equal("join (Code, Description) with \" - \"", RuleText.Describe(Concat(" - ", Copy("Code"), Copy("Description"))));
        Assert.Equal("OrderDate + DeliveryTime working days", RuleText.Describe(AddWorkingDays(Copy("OrderDate"), Copy("DeliveryTime"))));
    }
}
