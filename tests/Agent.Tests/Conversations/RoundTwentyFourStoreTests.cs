using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Perf round 24 (issue 16): on SQLite a turn's save writes its state's deflated JSON and its rows' tags, which were made
/// inside the write transaction, holding the store's only write lock. They are now made before it. What is stored must not
/// change: the state as of the transcript it has seen (its own rows when nothing came in meanwhile, otherwise not), each
/// row's tags, and the state the store keeps for the next turn. Written before the code.
/// </summary>
public abstract class RoundTwentyFourStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_whole_conversation_stores_each_turns_state_rows_and_tags_as_the_next_turn_reads_them()
    {
        await using var h = await AgentHarness.StartAsync(Store);

        // Several facts in one message, a typo, a second thought, a short yes, a question on the side.
        await h.TalkAsync("r24_web_1", "web", null,
            "hi!! can i get a 60 min swedish massage tmrw afternoon, im Dana Reyes 415 555 0142",
            "actually make it friday",
            "the first one",
            "yes",
            "oh and is there parking?");

        var row = await h.Conversations.GetAsync("r24_web_1", CancellationToken.None);
        Assert.NotNull(row);
        var transcript = await h.Conversations.TranscriptAsync("r24_web_1", CancellationToken.None);
        Assert.Equal(10, transcript.Count);
        Assert.Equal(transcript.Count, row.LastSeq);
        // Nothing came in between the turns: the stored state has seen every row, its own included.
        Assert.Equal(row.LastSeq, row.ReadState().TranscriptSeen);
        // Every row carries its tags, and the tag rows are the same tags.
        foreach (var turn in transcript)
        {
            var tags = JsonSerializer.Deserialize(turn.TagsJson ?? "{}", StateJsonContext.Default.TurnTags)!;
            Assert.Equal([.. tags.Flatten().Distinct().Order(StringComparer.Ordinal)], await TagRowsAsync(h, "r24_web_1", turn.Seq));
        }
        var said = string.Join("\n", transcript.Select(t => $"{t.Role}: {t.Text} {t.TagsJson}"));
        Assert.True(transcript.Any(t => t.Role == TurnRole.Client && t.TagsJson?.Contains("\"intent\"", StringComparison.Ordinal) == true), said);
        Assert.True(transcript.Any(t => t.Role == TurnRole.Agent && t.TagsJson?.Contains("book_appointment", StringComparison.Ordinal) == true), said);
    }

    [StoreFact]
    public async Task A_staff_reply_that_comes_in_while_a_turn_is_stored_stays_unseen_and_the_turns_state_is_not_changed_by_the_save()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("r24_sms_1", "sms", "+14155550164", "hola, tienen estacionamiento?");
        var begun = await store.BeginTurnAsync("r24_sms_1", "sms", "mission", "+14155550164", new ConversationState(), "instance-a", Lease, TimeSpan.Zero, CancellationToken.None);
        var state = begun!.ReadState();
        Assert.Equal(2, state.TranscriptSeen);
        // Maya answers from the staff inbox while the agent is still on the next text.
        await store.AppendTurnAsync("r24_sms_1", TurnRole.Staff, "Hola, soy Maya: sí, gratis después de las 5.", new TurnTags(), CancellationToken.None);
        state.Append([new StoredMessage("user", "y validan el ticket??"), new StoredMessage("assistant", "Sí, por dos horas.")]);

        await store.SaveTurnAsync("r24_sms_1", state,
            [(TurnRole.Client, "y validan el ticket??", new TurnTags { Intent = "faq" }, null),
             (TurnRole.Agent, "Sí, por dos horas.", new TurnTags { AiGenerated = true, Brain = "embedded" }, 4)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true, requestId: "SM-r24-1");

        // The turn's rows come after Maya's, which the next turn must still read: the state stored has not seen it.
        var transcript = await store.TranscriptAsync("r24_sms_1", CancellationToken.None);
        Assert.Equal([(1, "client"), (2, "agent"), (3, "staff"), (4, "client"), (5, "agent")], transcript.Select(t => (t.Seq, t.Role)));
        var row = await store.GetAsync("r24_sms_1", CancellationToken.None);
        Assert.Equal(5, row!.LastSeq);
        Assert.Equal(2, row.ReadState().TranscriptSeen);
        Assert.Equal(2, state.TranscriptSeen);
        Assert.Equal(["ai_generated", "brain:embedded"], await TagRowsAsync(h, "r24_sms_1", 5));
        Assert.Equal(["intent:faq"], await TagRowsAsync(h, "r24_sms_1", 4));

        // The next text reads Maya's reply into its turn, and then has seen everything.
        await h.TalkAsync("r24_sms_1", "sms", "+14155550164", "perfecto gracias");
        row = await store.GetAsync("r24_sms_1", CancellationToken.None);
        Assert.Contains(row!.ReadState().History, m => m.Text?.Contains("gratis después de las 5", StringComparison.Ordinal) == true);
        Assert.Equal(7, row.LastSeq);
        Assert.Equal(7, row.ReadState().TranscriptSeen);
    }

    [StoreFact]
    public async Task A_save_whose_lease_was_taken_stores_nothing_and_leaves_the_turns_state_as_it_was()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("r24_sms_2", "sms", "+14155550165", "do u guys do brow waxing");
        var begun = await store.BeginTurnAsync("r24_sms_2", "sms", "mission", "+14155550165", new ConversationState(), "instance-a", TimeSpan.FromMilliseconds(1), TimeSpan.Zero, CancellationToken.None);
        var state = begun!.ReadState();
        await Task.Delay(20);
        // The lease lapsed; another instance took it.
        Assert.True(await store.TryAcquireLeaseAsync("r24_sms_2", "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));
        state.Append([new StoredMessage("user", "nvm how much is a facial"), new StoredMessage("assistant", "From $95.")]);
        var before = JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);

        await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveTurnAsync("r24_sms_2", state,
            [(TurnRole.Client, "nvm how much is a facial", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "From $95.", new TurnTags { AiGenerated = true }, 3)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true));

        Assert.Equal(before, JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState));
        Assert.Equal(2, (await store.TranscriptAsync("r24_sms_2", CancellationToken.None)).Count);
        Assert.Equal(2, (await store.GetAsync("r24_sms_2", CancellationToken.None))!.ReadState().TranscriptSeen);
    }

    private static async Task<List<string>> TagRowsAsync(AgentHarness h, string id, int seq)
    {
        await using var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None);
        return [.. (await Dapper.SqlMapper.QueryAsync<string>(c, "SELECT tag FROM transcript_tags WHERE conversation_id = @id AND seq = @seq", new { id, seq }))
            .Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteRoundTwentyFourStoreTests : RoundTwentyFourStoreTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresRoundTwentyFourStoreTests : RoundTwentyFourStoreTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
