using Koppel.Infrastructure.Http;
using Microsoft.Extensions.Time.Testing;

namespace Koppel.Infrastructure.Tests.Connectors;

public sealed class RequestBudgetTests
{
    [Fact]
    public async Task A_slot_returns_one_window_after_its_answer_arrived_not_after_it_was_sent()
    {
        var clock = new FakeTimeProvider();
        using var budget = new RequestBudget(2, TimeSpan.FromSeconds(1), clock);
        var quick = await budget.TakeAsync(CancellationToken.None);
        var slow = await budget.TakeAsync(CancellationToken.None);
        quick.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(500));
        slow.Dispose(); // its answer took half a second: the system may have counted it just now

        var third = budget.TakeAsync(CancellationToken.None);
        var fourth = budget.TakeAsync(CancellationToken.None);
        clock.Advance(RequestBudget.HeldFor(TimeSpan.FromSeconds(1)) - TimeSpan.FromMilliseconds(500));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.False(fourth.IsCompleted, "the slow request's slot is still counting its window one window after the quick answer");

        clock.Advance(TimeSpan.FromMilliseconds(500));
        (await fourth.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_slot_given_back_twice_counts_once()
    {
        var clock = new FakeTimeProvider();
        using var budget = new RequestBudget(1, TimeSpan.FromSeconds(1), clock);
        var slot = await budget.TakeAsync(CancellationToken.None);
        slot.Dispose();
        slot.Dispose();
        clock.Advance(RequestBudget.HeldFor(TimeSpan.FromSeconds(1)));
        (await budget.TakeAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.False(budget.TakeAsync(CancellationToken.None).IsCompleted, "one permit, not two");
    }

    [Fact]
    public async Task A_slot_is_held_a_little_past_its_window_so_an_early_timer_does_not_land_inside_the_systems_count()
    {
        var clock = new FakeTimeProvider();
        using var budget = new RequestBudget(1, TimeSpan.FromMinutes(1), clock);
        (await budget.TakeAsync(CancellationToken.None)).Dispose();
        var next = budget.TakeAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(next.IsCompleted, "still held at exactly one window");
        clock.Advance(TimeSpan.FromMilliseconds(610));
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
