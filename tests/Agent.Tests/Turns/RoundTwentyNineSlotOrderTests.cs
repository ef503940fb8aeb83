using FrontDesk.Agent.Turns;

namespace FrontDesk.Agent.Tests.Turns;

/// <summary>
/// Round 29, item 1: a turn that answers a read-back (the person's "yes", "no" or anything else to "shall I book …?") takes a
/// free slot ahead of other turns that wait, at most a given number in a row past a waiting turn, so no turn waits for ever.
/// The real <see cref="TurnSlots"/>, driven by hand: each waiter is queued when <c>EnterAsync</c> returns.
/// </summary>
public sealed class RoundTwentyNineSlotOrderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static Task<TurnSlots.Slot> Wait(TurnSlots slots, bool answersReadBack) =>
        slots.EnterAsync(limited: true, answersReadBack, CancellationToken.None).AsTask();

    /// <summary>Gives the held slot back and then each granted one, and returns the order the waiters got the slot in.</summary>
    private static async Task<List<string>> ServeAllAsync(TurnSlots.Slot held, Dictionary<string, Task<TurnSlots.Slot>> waiting)
    {
        var order = new List<string>();
        held.Dispose();
        while (order.Count < waiting.Count)
        {
            var left = waiting.Where(w => !order.Contains(w.Key)).ToList();
            await Task.WhenAny(left.Select(w => w.Value)).WaitAsync(Patience);
            var granted = left.Where(w => w.Value.IsCompletedSuccessfully).ToList();
            // One slot: only one waiter may hold it at a time.
            Assert.Single(granted);
            order.Add(granted[0].Key);
            (await granted[0].Value).Dispose();
        }
        return order;
    }

    [Fact]
    public async Task With_one_slot_a_yes_to_a_read_back_gets_it_before_first_messages_that_came_earlier()
    {
        using var slots = new TurnSlots(1, readBackAnswersAhead: 4);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var waiting = new Dictionary<string, Task<TurnSlots.Slot>>
        {
            ["hi do u have parking"] = Wait(slots, answersReadBack: false),
            ["deep tissue tmrw afternoon?"] = Wait(slots, answersReadBack: false),
            ["yes pls"] = Wait(slots, answersReadBack: true),
        };
        Assert.Equal(3, slots.Waiting);
        Assert.All(waiting.Values, w => Assert.False(w.IsCompleted));

        var order = await ServeAllAsync(held, waiting);

        Assert.Equal(["yes pls", "hi do u have parking", "deep tissue tmrw afternoon?"], order);
        Assert.Equal(0, slots.Waiting);
    }

    [Fact]
    public async Task Answers_to_read_backs_go_among_themselves_in_the_order_they_came()
    {
        using var slots = new TurnSlots(1, readBackAnswersAhead: 4);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var waiting = new Dictionary<string, Task<TurnSlots.Slot>>
        {
            ["how much is the hydrafacial"] = Wait(slots, answersReadBack: false),
            ["yes"] = Wait(slots, answersReadBack: true),
            ["no wait, make it 4"] = Wait(slots, answersReadBack: true),
            ["si porfa"] = Wait(slots, answersReadBack: true),
        };

        var order = await ServeAllAsync(held, waiting);

        Assert.Equal(["yes", "no wait, make it 4", "si porfa", "how much is the hydrafacial"], order);
    }

    [Fact]
    public async Task At_most_the_bound_of_read_back_answers_in_a_row_pass_a_turn_that_waits()
    {
        // Two may pass: a first message waiting behind five answers gets the slot third, and the answers then go on.
        using var slots = new TurnSlots(1, readBackAnswersAhead: 2);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var waiting = new Dictionary<string, Task<TurnSlots.Slot>> { ["hello?"] = Wait(slots, answersReadBack: false) };
        foreach (var yes in new[] { "yes", "yep", "yes please", "sí", "ok book it" })
        {
            waiting[yes] = Wait(slots, answersReadBack: true);
        }
        waiting["and one more thing"] = Wait(slots, answersReadBack: false);

        var order = await ServeAllAsync(held, waiting);

        // After "hello?" is served the count starts again: two more answers pass "and one more thing", then it goes.
        Assert.Equal(["yes", "yep", "hello?", "yes please", "sí", "and one more thing", "ok book it"], order);
    }

    [Fact]
    public async Task A_read_back_answer_that_comes_when_no_other_turn_waits_does_not_count_against_the_bound()
    {
        using var slots = new TurnSlots(1, readBackAnswersAhead: 1);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var first = new Dictionary<string, Task<TurnSlots.Slot>> { ["yes"] = Wait(slots, answersReadBack: true), ["yes!!"] = Wait(slots, answersReadBack: true) };
        Assert.Equal(["yes", "yes!!"], await ServeAllAsync(held, first));

        // Nothing else waited while those two went: the next answer may still pass the next first message.
        held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var next = new Dictionary<string, Task<TurnSlots.Slot>> { ["hi"] = Wait(slots, answersReadBack: false), ["yeah"] = Wait(slots, answersReadBack: true) };
        Assert.Equal(["yeah", "hi"], await ServeAllAsync(held, next));
    }

    [Fact]
    public async Task With_the_bound_at_zero_every_turn_goes_in_the_order_it_came()
    {
        using var slots = new TurnSlots(1, readBackAnswersAhead: 0);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var waiting = new Dictionary<string, Task<TurnSlots.Slot>>
        {
            ["hi do u have parking"] = Wait(slots, answersReadBack: false),
            ["yes pls"] = Wait(slots, answersReadBack: true),
            ["what time do you close"] = Wait(slots, answersReadBack: false),
        };

        Assert.Equal(["hi do u have parking", "yes pls", "what time do you close"], await ServeAllAsync(held, waiting));
    }

    [Fact]
    public async Task A_read_back_answer_cancelled_while_it_waits_leaves_the_queue_and_the_slot_goes_to_the_next()
    {
        using var slots = new TurnSlots(1, readBackAnswersAhead: 4);
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.EnterAsync(limited: true, answersReadBack: true, cancel.Token).AsTask();
        var ordinary = Wait(slots, answersReadBack: false);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, slots.Waiting);
        held.Dispose();
        (await ordinary.WaitAsync(Patience)).Dispose();
        Assert.Equal(0, slots.Waiting);
    }

    [Fact]
    public async Task Two_slots_serve_two_at_once_and_an_answer_takes_the_first_one_given_back()
    {
        using var slots = new TurnSlots(2, readBackAnswersAhead: 4);
        var one = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var two = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var ordinary = Wait(slots, answersReadBack: false);
        var yes = Wait(slots, answersReadBack: true);
        Assert.False(ordinary.IsCompleted);
        Assert.False(yes.IsCompleted);
        two.Dispose();
        (await yes.WaitAsync(Patience)).Dispose();
        // The yes gave its slot back: the first message, which waited, gets it while the other is still held.
        (await ordinary.WaitAsync(Patience)).Dispose();
        one.Dispose();
        // Both slots are free again: two more go in at once.
        var a = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var b = await slots.EnterAsync(limited: true, answersReadBack: true, CancellationToken.None);
        var third = Wait(slots, answersReadBack: false);
        Assert.False(third.IsCompleted);
        a.Dispose();
        (await third.WaitAsync(Patience)).Dispose();
        b.Dispose();
    }
}
