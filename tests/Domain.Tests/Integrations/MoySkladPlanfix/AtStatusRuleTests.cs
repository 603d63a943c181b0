using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.MoySkladPlanfix;

public sealed class AtStatusRuleTests
{
    private static readonly AtStatusRule Shipments = new([3, 7], "shipment", "shipments.atStatuses");

    [Fact]
    public void A_task_at_a_chosen_status_goes_on()
    {
        Assert.IsType<RuleDecision.Keep>(Shipments.Apply(new JsonObject { ["status"] = 7, ["basisId"] = "o-1" }));
    }

    [Fact]
    public void A_task_at_another_status_or_without_one_is_skipped_silently()
    {
        var other = Assert.IsType<RuleDecision.Skip>(Shipments.Apply(new JsonObject { ["status"] = 2 }));
        var none = Assert.IsType<RuleDecision.Skip>(Shipments.Apply(new JsonObject()));

        Assert.False(other.Log);
        Assert.False(none.Log);
    }

    [Fact]
    public void A_task_at_another_status_names_the_status_option_that_left_it_out()
    {
        var skip = Assert.IsType<RuleDecision.Skip>(Shipments.Apply(new JsonObject { ["status"] = 2 }));

        Assert.Equal("shipments.atStatuses", skip.Setting);
    }

    [Fact]
    public void No_chosen_statuses_make_nothing()
    {
        Assert.IsType<RuleDecision.Skip>(new AtStatusRule([], "return", "returns.atStatuses").Apply(new JsonObject { ["status"] = 1 }));
    }
}

public sealed class InvoiceFormatTests
{
    [Theory]
    [InlineData("xls", "xls")]
    [InlineData(" PDF ", "pdf")]
    [InlineData(null, "pdf")]
    [InlineData("docx", "pdf")]
    public void The_print_format_is_the_tasks_choice_or_pdf(string? chosen, string expected) =>
        Assert.Equal(expected, OrderFields.FormatOf(chosen));
}
