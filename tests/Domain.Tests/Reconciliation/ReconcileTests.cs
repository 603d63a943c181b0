using Koppel.Domain.Reconciliation;

namespace Koppel.Domain.Tests.Reconciliation;

public sealed class ReconcileTests
{
    private static readonly DateTime At = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);

    private static EntityReadings Readings(SideCount source, SideCount target, long linked, DateTime? linksAt = null, params FailingReason[] failing) =>
        new("product", "products", "Products", "Exact Online", "Optiply", source, target, linked, linksAt ?? At, failing);

    [Fact]
    public void One_side_only_is_the_count_minus_the_links_on_each_side()
    {
        var e = Reconcile.Entity(Readings(new(120, At), new(135, At.AddSeconds(1)), linked: 100));

        Assert.Equal((120L, 135L, 100L), (e.SourceCount!.Value, e.TargetCount!.Value, e.Linked));
        Assert.Equal(20, e.SourceOnly);
        Assert.Equal(35, e.TargetOnly);
        Assert.False(e.Estimated);
    }

    [Fact]
    public void A_count_below_the_links_is_clamped_to_zero_and_labelled_an_estimate()
    {
        var e = Reconcile.Entity(Readings(new(98, At), new(140, At), linked: 100));

        Assert.Equal(0, e.SourceOnly);
        Assert.Equal(40, e.TargetOnly);
        Assert.True(e.Estimated);
    }

    [Fact]
    public void Counts_read_further_apart_than_a_moment_make_the_differences_estimates()
    {
        var e = Reconcile.Entity(Readings(new(120, At), new(130, At + Reconcile.SameMoment + TimeSpan.FromSeconds(1)), linked: 100));

        Assert.Equal((20L, 30L), (e.SourceOnly!.Value, e.TargetOnly!.Value));
        Assert.True(e.Estimated);
    }

    [Fact]
    public void A_side_without_a_count_has_no_one_side_figure_and_keeps_its_problem()
    {
        var e = Reconcile.Entity(Readings(SideCount.NotOffered, SideCount.Failed("Optiply refused the key."), linked: 7));

        Assert.Null(e.SourceCount);
        Assert.Null(e.SourceOnly);
        Assert.Null(e.TargetCount);
        Assert.Null(e.TargetOnly);
        Assert.Equal("Optiply refused the key.", e.TargetProblem);
        Assert.Equal(7, e.Linked);
        Assert.False(e.Estimated);
    }

    [Fact]
    public void Failing_records_are_summed_and_listed_by_reason_most_first()
    {
        var e = Reconcile.Entity(Readings(new(10, At), new(10, At), 8, null,
            new FailingReason("products", "Optiply refused the price.", 1),
            new FailingReason("products", "The supplier is not in Optiply yet.", 3)));

        Assert.Equal(4, e.FailingTotal);
        Assert.Equal(["The supplier is not in Optiply yet.", "Optiply refused the price."], e.Failing.Select(f => f.Reason));
    }
}
