using FrontDesk.Agent.Turns;

namespace FrontDesk.Agent.Tests.Turns;

public sealed class TurnSlotsTests
{
    [Fact]
    public async Task Turns_waiting_for_the_one_slot_get_it_one_at_a_time_in_the_order_they_came()
    {
        using var slots = new TurnSlots(1);
        var first = await slots.EnterAsync(limited: true, CancellationToken.None);
        // Each waiter is queued when EnterAsync returns, so this is the order they came in.
        var waiting = Enumerable.Range(0, 5).Select(_ => slots.EnterAsync(limited: true, CancellationToken.None).AsTask()).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        first.Dispose();
        for (var i = 0; i < waiting.Count; i++)
        {
            var slot = await waiting[i].WaitAsync(TimeSpan.FromSeconds(10));
            Assert.All(waiting.Skip(i + 1), w => Assert.False(w.IsCompleted));
            slot.Dispose();
        }
    }

    [Fact]
    public async Task Two_slots_let_two_turns_work_and_the_third_waits()
    {
        using var slots = new TurnSlots(2);
        var one = await slots.EnterAsync(limited: true, CancellationToken.None);
        var two = slots.EnterAsync(limited: true, CancellationToken.None).AsTask();
        var three = slots.EnterAsync(limited: true, CancellationToken.None).AsTask();
        Assert.True(two.IsCompletedSuccessfully);
        Assert.False(three.IsCompleted);
        one.Dispose();
        (await three.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        (await two).Dispose();
    }

    [Fact]
    public async Task No_limit_or_a_turn_that_takes_no_slot_never_waits()
    {
        using var none = new TurnSlots(0);
        var held = Enumerable.Range(0, 100).Select(_ => none.EnterAsync(limited: true, CancellationToken.None).AsTask()).ToList();
        Assert.All(held, h => Assert.True(h.IsCompletedSuccessfully));
        using var one = new TurnSlots(1);
        var taken = await one.EnterAsync(limited: true, CancellationToken.None);
        // A turn that may call a remote model (limited: false) goes in although the only slot is taken.
        Assert.True(one.EnterAsync(limited: false, CancellationToken.None).AsTask().IsCompletedSuccessfully);
        taken.Dispose();
    }

    [Fact]
    public async Task A_turn_cancelled_while_it_waits_leaves_the_queue_and_the_slot_goes_to_the_next()
    {
        using var slots = new TurnSlots(1);
        var first = await slots.EnterAsync(limited: true, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.EnterAsync(limited: true, cancel.Token).AsTask();
        var next = slots.EnterAsync(limited: true, CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }
}
