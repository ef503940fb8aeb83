using FrontDesk.Agent.Embedded;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 16, perf round 21: the engine reads its state from a conversation's history once per turn. The agent's reading of
/// the message (for the turn's tags) and the engine's first step both need it; the first step takes the state the reading
/// was made with. The harness checks every such state against the history read again (CheckReadStates).
/// </summary>
public abstract class StateReadOnceTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_booking_conversation_reads_the_engine_state_once_a_turn_and_books_as_before()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var engine = h.Book.Get<EmbeddedChatClient>();
        var before = engine.StatesRead;

        string[] turns =
        [
            "hey!! can i get a deep tissue massage tmrw afternoon? also do u have parking",
            "hmm the first one i guess",
            "its Dana Ruiz, 415 555 0199",
            "yep book it",
        ];
        var replies = await h.TalkAsync("once_1", "web", null, turns);

        Assert.Equal(turns.Length, engine.StatesRead - before);
        var booked = Assert.Single(await h.AppointmentsAsync());
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
        Assert.Contains("all set", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task A_spanish_conversation_with_second_thoughts_reads_the_state_once_a_turn()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var engine = h.Book.Get<EmbeddedChatClient>();
        var before = engine.StatesRead;

        string[] turns =
        [
            "hola, quisiera un masaje sueco el viernes por la tarde",
            "mejor el sábado",
            "la primera",
            "no, mejor no. gracias",
        ];
        var replies = await h.TalkAsync("once_2", "sms", "+14155550142", turns);

        Assert.Equal(turns.Length, engine.StatesRead - before);
        Assert.Empty(await h.AppointmentsAsync());
        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), h.Said));
        Assert.Equal("es", replies[^1].Language);
    }
}

public sealed class SqliteStateReadOnceTests : StateReadOnceTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresStateReadOnceTests : StateReadOnceTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
