using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Turns;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;

namespace FrontDesk.Agent.Tests.Turns;

/// <summary>
/// Round 29, item 1, through the agent: a person's answer to a read-back is known from the conversation's state before the
/// turn waits for a slot, and with <c>FrontDesk:Agent:ReadBackAnswersAhead</c> above 0 it is served before other people's
/// turns that waited longer. Which turn went first is read where the booking commits (the yes is the only turn that books):
/// how many turns still waited for the slot then.
/// </summary>
public abstract class RoundTwentyNineReadBackFirstTests
{
    protected abstract TestStore Store { get; }

    private static readonly string[] UpToTheReadBack = ["Hi! I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788"];

    private static readonly string[] OtherPeople = ["hi do u have parking?? and r u open sunday", "how much is a hydrafacial", "quiero una limpieza facial el viernes"];

    /// <summary>
    /// One slot, held by the test; three other people's first messages wait for it, then Sam's "yes please" to the read-back;
    /// the slot is given back. Returns how many turns still waited when Sam's booking committed, and Sam's reply.
    /// </summary>
    private static async Task<(int WaitingWhenBooked, AgentReply Yes)> RaceForTheSlotAsync(AgentHarness h)
    {
        await h.TalkAsync("rb_first_sam", "web", null, UpToTheReadBack);
        var slots = h.Book.Get<TurnSlots>();
        var waitingWhenBooked = -1;
        h.Book.Get<FaultPoints>().OnPoint = point =>
        {
            if (point == FaultPoints.BookingCommitted)
            {
                waitingWhenBooked = slots.Waiting;
            }
            return ValueTask.CompletedTask;
        };
        var held = await slots.EnterAsync(limited: true, answersReadBack: false, CancellationToken.None);
        var others = new List<Task<AgentReply>>();
        for (var i = 0; i < OtherPeople.Length; i++)
        {
            others.Add(h.Agent.HandleAsync(new TurnRequest($"rb_first_other_{i}", "web", OtherPeople[i]), CancellationToken.None));
            await UntilAsync(() => slots.Waiting == i + 1);
        }
        var yes = h.Agent.HandleAsync(new TurnRequest("rb_first_sam", "web", "yes please"), CancellationToken.None);
        await UntilAsync(() => slots.Waiting == OtherPeople.Length + 1);
        held.Dispose();
        var replies = await Task.WhenAll([yes, .. others]).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
        return (waitingWhenBooked, replies[0]);
    }

    private Task<AgentHarness> StartAsync(string ahead) => AgentHarness.StartAsync(Store, extra: new()
    {
        ["FrontDesk:Agent:TurnsAtOnce"] = "1",
        ["FrontDesk:Agent:ReadBackAnswersAhead"] = ahead,
    });

    private static async Task UntilAsync(Func<bool> condition)
    {
        // Turns reach the slot after their begin's round trip to the store; this waits for that, never for a time to pass.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, patience.Token);
        }
    }

    [StoreFact]
    public async Task A_yes_to_a_read_back_is_served_before_other_peoples_first_messages_that_waited_longer()
    {
        await using var h = await StartAsync("4");
        var (waitingWhenBooked, yes) = await RaceForTheSlotAsync(h);
        // Booked while all three other turns still waited: the yes went first.
        Assert.Equal(OtherPeople.Length, waitingWhenBooked);
        Assert.Contains("all set", yes.Text, StringComparison.OrdinalIgnoreCase);
        h.One(await h.BookedAsync());
        for (var i = 0; i < OtherPeople.Length; i++)
        {
            Assert.Equal(2, (await h.TranscriptAsync($"rb_first_other_{i}")).Count);
        }
    }

    [StoreFact]
    public async Task With_answers_ahead_off_the_yes_waits_its_turn_behind_those_who_came_first()
    {
        await using var h = await StartAsync("0");
        var (waitingWhenBooked, yes) = await RaceForTheSlotAsync(h);
        // The three who came first were all served before the yes booked.
        Assert.Equal(0, waitingWhenBooked);
        Assert.Contains("all set", yes.Text, StringComparison.OrdinalIgnoreCase);
        h.One(await h.BookedAsync());
    }
}

public sealed class SqliteRoundTwentyNineReadBackFirstTests : RoundTwentyNineReadBackFirstTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresRoundTwentyNineReadBackFirstTests : RoundTwentyNineReadBackFirstTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
