using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping;

public class FieldMappingTests
{
    private static FieldMapping Suppliers() => FieldMapping.Of(
        ("name", Rules.Copy("Name")),
        ("remoteId", Rules.Copy("ID")),
        ("emails", Rules.Copy("Email")));

    [Fact]
    public void Of_enables_every_field()
    {
        Assert.All(Suppliers().Fields, field => Assert.True(field.Enabled));
    }

    [Fact]
    public void Find_returns_the_field_for_a_target()
    {
        Assert.Equal(Rules.Copy("ID"), Suppliers().Find("remoteId")!.Rule);
    }

    [Fact]
    public void Find_returns_null_for_an_unmapped_target()
    {
        Assert.Null(Suppliers().Find("deliveryTime"));
    }

    [Fact]
    public void WithEnabled_returns_a_changed_copy_and_keeps_the_original()
    {
        var original = Suppliers();

        var changed = original.WithEnabled("emails", false);

        Assert.False(changed.Find("emails")!.Enabled);
        Assert.True(original.Find("emails")!.Enabled);
    }

    [Fact]
    public void WithEnabled_on_an_unknown_target_throws()
    {
        Assert.Throws<ArgumentException>(() => Suppliers().WithEnabled("deliveryTime", true));
    }

    [Fact]
    public void WithField_replaces_a_field_in_place_or_appends_a_new_one()
    {
        var mapping = Suppliers()
            .WithField(new FieldRule("name", true, Rules.Trim(Rules.Copy("Name"))))
            .WithField(new FieldRule("deliveryTime", false, Rules.Copy("PurchaseLeadDays")));

        Assert.Equal(["name", "remoteId", "emails", "deliveryTime"], mapping.Fields.Select(f => f.Target));
        Assert.Equal(Rules.Trim(Rules.Copy("Name")), mapping.Find("name")!.Rule);
    }

    [Fact]
    public void Two_mappings_with_the_same_fields_are_equal()
    {
        Assert.Equal(Suppliers(), Suppliers());
        Assert.Equal(Suppliers().GetHashCode(), Suppliers().GetHashCode());
    }

    [Fact]
    public void Mappings_that_differ_in_one_field_are_not_equal()
    {
        Assert.NotEqual(Suppliers(), Suppliers().WithEnabled("emails", false));
    }

    [Fact]
    public void Rules_holding_lists_and_values_compare_by_content()
    {
        Assert.Equal(Rules.Coalesce(Rules.Copy("A"), Rules.Const(0)), Rules.Coalesce(Rules.Copy("A"), Rules.Const(0)));
        Assert.Equal(Cond.In(Rules.Copy("Status"), 30, 40), Cond.In(Rules.Copy("Status"), 30, 40));
        Assert.NotEqual(Rules.Const("enabled"), Rules.Const("disabled"));
    }
}
