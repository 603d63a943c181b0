using System.Text.Json.Nodes;
using Bunit;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Portal.Components.Mapping;

namespace Koppel.Portal.Tests.Components.Mapping;

/// <summary>The mapping editor's rule builder: rules are built with menus and boxes, never by typing JSON.</summary>
public sealed class RuleBuilderTests : MudComponentTest
{
    private const string Root = "fields[0].rule";
    private readonly EditorState state = new() { Sources = [new SourceOption("Description", "string", "the item's name"), new SourceOption("IsStockItem", "boolean", "")] };
    private Rule? emitted;

    private IRenderedComponent<RuleEditor> Editor(Rule rule) => Render<RuleEditor>(p => p
        .Add(x => x.Value, rule)
        .Add(x => x.Path, Root)
        .Add(x => x.Label, "Value")
        .Add(x => x.ValueChanged, (Rule r) => emitted = r)
        .AddCascadingValue(state));

    private static Task Pick(IRenderedComponent<RuleEditor> editor, string part, string key) =>
        editor.InvokeAsync(() => editor.FindComponents<ChoiceSelect>().Single(c => c.Instance.Part == part).Instance.ValueChanged.InvokeAsync(key));

    [Fact]
    public async Task Wrapping_a_source_field_in_an_if_keeps_the_field_as_the_otherwise()
    {
        var editor = Editor(new CopyRule("Description"));

        await Pick(editor, $"{Root}:kind", "if");

        var rule = Assert.IsType<IfRule>(emitted);
        Assert.Equal(new CopyRule("Description"), rule.Otherwise);
        editor.Render(p => p.Add(x => x.Value, rule));
        Assert.NotNull(editor.Find($"[data-condition='{Root}.condition']"));
        Assert.NotNull(editor.Find($"[data-rule='{Root}.then']"));
        Assert.NotNull(editor.Find($"[data-rule='{Root}.otherwise']"));
        Assert.Equal("If / then / otherwise", editor.Find($"[data-part='{Root}:kind'] input").GetAttribute("value"));
    }

    [Fact]
    public void A_fixed_text_typed_in_the_then_box_becomes_a_constant_rule()
    {
        var editor = Editor(new IfRule(new EqualsCondition(new CopyRule("IsStockItem"), new ConstantRule(JsonValue.Create(false))),
            new ConstantRule(JsonValue.Create("")), new CopyRule("Description")));

        editor.Find($"[data-part='{Root}.then:text'] input").Change("Service item (no stock)");

        var rule = Assert.IsType<IfRule>(emitted);
        var then = Assert.IsType<ConstantRule>(rule.Then);
        Assert.Equal("Service item (no stock)", then.Value!.GetValue<string>());
        Assert.Equal(new CopyRule("Description"), rule.Otherwise);
    }

    [Fact]
    public async Task A_comparison_with_true_or_false_offers_a_yes_no_choice_instead_of_a_text_box()
    {
        var editor = Editor(new IfRule(new EqualsCondition(new CopyRule("IsStockItem"), new ConstantRule(JsonValue.Create(""))),
            new ConstantRule(JsonValue.Create("x")), null));

        await Pick(editor, $"{Root}.condition.right:type", "true/false");

        var condition = Assert.IsType<EqualsCondition>(Assert.IsType<IfRule>(emitted).Condition);
        Assert.False(Assert.IsType<ConstantRule>(condition.Right).Value!.GetValue<bool>());
        editor.Render(p => p.Add(x => x.Value, emitted!));
        Assert.Equal("False", editor.Find($"[data-part='{Root}.condition.right:boolean'] input").GetAttribute("value"));
        Assert.Empty(editor.FindAll($"[data-part='{Root}.condition.right:text']"));
    }

    [Fact]
    public void Adding_a_lookup_row_keeps_the_rows_there_were()
    {
        var editor = Editor(new LookupRule(new CopyRule("Unit"), [new LookupEntry("pc", JsonValue.Create("piece"))]));

        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Add row").Click();

        var lookup = Assert.IsType<LookupRule>(emitted);
        Assert.Equal(["pc", ""], lookup.Table.Select(e => e.Key));
        Assert.Equal(new CopyRule("Unit"), lookup.Input);
    }

    [Fact]
    public void The_validators_message_sits_at_the_node_it_names_and_not_at_its_children()
    {
        state.SetErrors([($"{Root}.format", "Number format must not be empty."), ($"{Root}.input.path", "Pick a source field.")]);

        var editor = Editor(new FormatNumberRule(new CopyRule(""), ""));

        Assert.Equal(["Number format must not be empty."], editor.FindAll($"[data-rule='{Root}'] > .rule-error").Select(e => e.TextContent));
        Assert.Equal(["Pick a source field."], editor.FindAll($"[data-rule='{Root}.input'] > .rule-error").Select(e => e.TextContent));
    }

    [Fact]
    public void A_source_path_the_schema_no_longer_has_still_shows_in_the_picker()
    {
        var editor = Editor(new CopyRule("OldField"));

        Assert.Equal("OldField", editor.Find($"[data-part='{Root}:source'] input").GetAttribute("value"));
    }
}
