using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// How a turn reaches the store: begun in one statement (created, leased, read), stored in one transaction that also
/// ends the lease (left in place, free to take), and the dialogue state kept once.
/// </summary>
public abstract class TurnStorageTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    protected abstract TestStore Store { get; }

    private static ConversationState Initial(string id, string channel, string? phone) =>
        new() { Scope = new FrontDesk.Tools.ConversationScope { ConversationId = id, Channel = channel, LocationId = "mission", VerifiedPhone = phone } };

    [StoreFact]
    public async Task Beginning_a_turn_creates_the_conversation_takes_its_lease_and_returns_it()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;

        var row = await store.BeginTurnAsync("begin_1", "sms", "mission", "+14155550101", Initial("begin_1", "sms", "+14155550101"), "instance-a", Lease, TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal(("begin_1", "sms", "+14155550101", "active", 0), (row.Id, row.Channel, row.CallerPhone, row.Status, row.TurnCount));
        Assert.Equal("+14155550101", row.ReadState().Scope.VerifiedPhone);
        // Held: another instance is refused, the holder itself may begin again (a retried request).
        Assert.Null(await store.BeginTurnAsync("begin_1", "sms", "mission", "+14155550101", Initial("begin_1", "sms", "+14155550101"), "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(await store.BeginTurnAsync("begin_1", "sms", "mission", "+14155550101", Initial("begin_1", "sms", "+14155550101"), "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    [StoreFact]
    public async Task Beginning_a_turn_of_an_existing_conversation_keeps_its_state()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("begin_2", "web", null, "hi, is there parking?");

        var row = await h.Conversations.BeginTurnAsync("begin_2", "web", "mission", null, Initial("begin_2", "web", null), "instance-b", Lease, TimeSpan.Zero, CancellationToken.None);

        Assert.NotNull(row);
        Assert.Equal(1, row.TurnCount);
        Assert.Contains(row.ReadState().History, m => m.Text == "hi, is there parking?");
    }

    [StoreFact]
    public async Task Storing_a_turn_writes_its_rows_and_tags_and_gives_the_lease_back()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        var state = Initial("save_1", "web", null);
        Assert.NotNull(await store.BeginTurnAsync("save_1", "web", "mission", null, state, "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
        state.Append([new StoredMessage("user", "do u have parking"), new StoredMessage("assistant", "Yes, free parking behind the building.")]);

        await store.SaveTurnAsync("save_1", state,
            [(TurnRole.Client, "do u have parking", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "Yes, free parking behind the building.", new TurnTags { AiGenerated = true, Brain = "embedded" }, 3)],
            [], "web", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true);

        var transcript = await store.TranscriptAsync("save_1", CancellationToken.None);
        Assert.Equal([(1, "client"), (2, "agent")], transcript.Select(t => (t.Seq, t.Role)));
        var from = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal([1], (await store.QueryTurnsAsync("intent:faq", null, null, from, to, 10, CancellationToken.None)).Select(t => t.Seq));
        Assert.Equal([2], (await store.QueryTurnsAsync("brain:embedded", null, null, from, to, 10, CancellationToken.None)).Select(t => t.Seq));
        Assert.Equal([2], (await store.QueryTurnsAsync("ai_generated", null, null, from, to, 10, CancellationToken.None)).Select(t => t.Seq));
        var row = await store.GetAsync("save_1", CancellationToken.None);
        Assert.Equal(1, row!.TurnCount);
        Assert.Equal(2, row.ReadState().History.Count);
        // The lease went back with the same write: another instance can begin at once.
        Assert.NotNull(await store.BeginTurnAsync("save_1", "web", "mission", null, state, "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    // Issue 16: a turn's lease is written once, when it is taken. The save leaves the row as it is and counts the turn on the
    // conversation; a lease whose turn was stored is free to take at once, by any instance, while a turn not stored keeps its
    // lease from every other instance until it lapses.
    [StoreFact]
    public async Task A_stored_turns_lease_is_left_in_place_and_taken_over_at_once_while_a_turn_not_stored_keeps_it()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        var state = Initial("over_1", "sms", "+14155550188");
        Assert.NotNull(await store.BeginTurnAsync("over_1", "sms", "mission", "+14155550188", state, "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
        var taken = await LeaseRowAsync(h, "over_1");
        Assert.Equal("instance-a", await store.LeaseOwnerAsync("over_1", CancellationToken.None));
        state.Append([new StoredMessage("user", "do u do gift cards"), new StoredMessage("assistant", "We do, at the front desk.")]);

        await store.SaveTurnAsync("over_1", state,
            [(TurnRole.Client, "do u do gift cards", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "We do, at the front desk.", new TurnTags { AiGenerated = true }, 2)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true);

        // The save did not touch the lease row (still live by its time), and nobody holds it.
        Assert.Equal(taken, await LeaseRowAsync(h, "over_1"));
        Assert.Null(await store.LeaseOwnerAsync("over_1", CancellationToken.None));

        // Another instance takes it over at once, and holds it: no third instance, nor the one whose turn was stored, may take it.
        var begun = await store.BeginTurnAsync("over_1", "sms", "mission", "+14155550188", state, "instance-b", Lease, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(2, begun!.LastSeq);
        Assert.Equal("instance-b", await store.LeaseOwnerAsync("over_1", CancellationToken.None));
        Assert.Null(await store.BeginTurnAsync("over_1", "sms", "mission", "+14155550188", state, "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));
        Assert.Null(await store.BeginTurnAsync("over_1", "sms", "mission", "+14155550188", state, "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
        Assert.False(await store.TryAcquireLeaseAsync("over_1", "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));

        // instance-b stores its turn; then instance-a may take it again, and the first instance's later save is refused only
        // while someone else holds a turn not stored.
        var stateB = begun.ReadState();
        stateB.Append([new StoredMessage("user", "ok how much"), new StoredMessage("assistant", "Any amount you like.")]);
        await store.SaveTurnAsync("over_1", stateB,
            [(TurnRole.Client, "ok how much", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "Any amount you like.", new TurnTags { AiGenerated = true }, 2)],
            [], "sms", "mission", Actor.System("test"), "instance-b", CancellationToken.None, releaseLease: true);
        Assert.Null(await store.LeaseOwnerAsync("over_1", CancellationToken.None));
        Assert.True(await store.TryAcquireLeaseAsync("over_1", "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));
        await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveTurnAsync("over_1", stateB,
            [(TurnRole.Client, "hello?", new TurnTags { Intent = "other" }, null), (TurnRole.Agent, "Hi!", new TurnTags { AiGenerated = true }, 2)],
            [], "sms", "mission", Actor.System("test"), "instance-b", CancellationToken.None, releaseLease: true));
        Assert.Equal(4, (await store.TranscriptAsync("over_1", CancellationToken.None)).Count);

        // A turn that fails before it is stored gives its lease back by deleting it: anyone may begin then.
        await store.ReleaseLeaseAsync("over_1", "instance-c", CancellationToken.None);
        Assert.Null(await LeaseRowAsync(h, "over_1"));
        Assert.NotNull(await store.BeginTurnAsync("over_1", "sms", "mission", "+14155550188", state, "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("instance-a", await store.LeaseOwnerAsync("over_1", CancellationToken.None));
    }

    private static async Task<(string Owner, DateTime UntilUtc, long TurnsBefore)?> LeaseRowAsync(AgentHarness h, string id)
    {
        await using var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.QuerySingleOrDefaultAsync<(string, DateTime, long)?>(
            "SELECT owner, until_utc, turns_before FROM conversation_leases WHERE conversation_id = @id", new { id });
    }

    [StoreFact]
    public async Task A_turn_stored_after_another_instance_took_the_lease_stores_nothing()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        var state = Initial("save_2", "web", null);
        Assert.NotNull(await store.BeginTurnAsync("save_2", "web", "mission", null, state, "instance-a", TimeSpan.FromMilliseconds(1), TimeSpan.Zero, CancellationToken.None));
        await Task.Delay(50);
        // instance-a stalled past its lease; instance-b takes the conversation.
        Assert.NotNull(await store.BeginTurnAsync("save_2", "web", "mission", null, state, "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));

        var error = await Assert.ThrowsAsync<LeaseLostException>(() => store.SaveTurnAsync("save_2", state,
            [(TurnRole.Client, "wait what", new TurnTags { Intent = "other" }, null), (TurnRole.Agent, "Sorry?", new TurnTags { AiGenerated = true }, 2)],
            [], "web", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true));

        Assert.Equal("save_2", error.ConversationId);
        Assert.Empty(await store.TranscriptAsync("save_2", CancellationToken.None));
        Assert.Equal(0, (await store.GetAsync("save_2", CancellationToken.None))!.TurnCount);
        // instance-b still holds it.
        Assert.Null(await store.BeginTurnAsync("save_2", "web", "mission", null, state, "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_whole_booking_keeps_one_copy_of_the_dialogue_state_and_leaves_no_lease()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var replies = await h.TalkAsync("state_1", "web", null,
            "hi can i get a hydrafacial wednesday afternoon", "the 2nd one pls", "Dana Whitfield", "415 555 0142", "yes");

        Assert.Contains("all set", replies[^1].Text, StringComparison.OrdinalIgnoreCase);
        var row = await h.Conversations.GetAsync("state_1", CancellationToken.None);
        var history = row!.ReadState().History;
        Assert.True(history.Count > 5, h.Said);
        Assert.Single(history, m => m.EngineState is not null);
        Assert.Equal(history.FindLastIndex(m => m.Role == "assistant" && m.EngineState is not null), history.FindLastIndex(m => m.EngineState is not null));
        Assert.NotNull(await h.Conversations.BeginTurnAsync("state_1", "web", "mission", null, Initial("state_1", "web", null), "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_client_created_by_a_booking_gets_the_conversations_language_in_the_same_insert()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var replies = await h.TalkAsync("lang_new", "web", null,
            "hola! quiero un hydrafacial el miercoles en la tarde", "la segunda porfa", "Dana Whitfield", "415 555 0142", "sí");

        Assert.Contains(replies, r => r.ToolCalls.Any(c => c.Name == "book_appointment" && c.Outcome == "booked"));
        var booked = Assert.Single(await h.BookedAsync());
        var client = await h.Book.Get<FrontDesk.Tools.Clients.ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal("es", client!.Language);
        // One write: the client's row is created with its language, no second statement and audit entry to set it.
        await using var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None);
        var audit = await AuditLog.QueryAsync(c, "client", client.Id, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), 50, CancellationToken.None);
        var created = Assert.Single(audit);
        Assert.Equal("client.create", created.Action);
        Assert.Contains("\"es\"", created.AfterJson, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task After_a_turn_the_state_has_seen_the_whole_transcript_so_the_next_turn_reads_none_of_it_back()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("seen_1", "web", null, "hey do u do facials", "ok and is there parking??");

        var row = await h.Conversations.GetAsync("seen_1", CancellationToken.None);

        Assert.Equal(4, row!.LastSeq);
        Assert.Equal(row.LastSeq, row.ReadState().TranscriptSeen);
    }

    [StoreFact]
    public async Task A_staff_message_written_between_turns_is_read_into_the_next_turn()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("seen_2", "sms", "+14155550177", "hi is there parking");
        await h.Conversations.AppendTurnAsync("seen_2", TurnRole.Staff, "Hi, this is Maya from the front desk: the lot is free after 5.", new TurnTags(), CancellationToken.None);

        await h.TalkAsync("seen_2", "sms", "+14155550177", "thx!");

        var row = await h.Conversations.GetAsync("seen_2", CancellationToken.None);
        Assert.Contains(row!.ReadState().History, m => m.Text?.Contains("the lot is free after 5", StringComparison.Ordinal) == true);
        Assert.Equal(5, row.LastSeq);
        Assert.Equal(row.LastSeq, row.ReadState().TranscriptSeen);
    }

    [StoreFact]
    public async Task A_staff_message_written_while_a_turn_runs_comes_before_the_turns_rows_and_stays_unseen_for_the_next_turn()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("seen_3", "sms", "+14155550178", "hi is there parking");
        var begun = await store.BeginTurnAsync("seen_3", "sms", "mission", "+14155550178", Initial("seen_3", "sms", "+14155550178"), "instance-a", Lease, TimeSpan.Zero, CancellationToken.None);
        var state = begun!.ReadState();
        Assert.Equal(2, state.TranscriptSeen);
        // A team member answers while the agent is still working on the next text.
        await store.AppendTurnAsync("seen_3", TurnRole.Staff, "Maya here: the lot is free after 5!", new TurnTags(), CancellationToken.None);
        state.Append([new StoredMessage("user", "ok cool n do u validate"), new StoredMessage("assistant", "We do, for two hours.")]);

        await store.SaveTurnAsync("seen_3", state,
            [(TurnRole.Client, "ok cool n do u validate", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "We do, for two hours.", new TurnTags { AiGenerated = true }, 4)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true, requestId: "SM-seen-3");

        var transcript = await store.TranscriptAsync("seen_3", CancellationToken.None);
        Assert.Equal([(1, "client"), (2, "agent"), (3, "staff"), (4, "client"), (5, "agent")], transcript.Select(t => (t.Seq, t.Role)));
        var row = await store.GetAsync("seen_3", CancellationToken.None);
        Assert.Equal(5, row!.LastSeq);
        // The staff row is after what the turn had read: the next turn must still read it back.
        Assert.Equal(2, row.ReadState().TranscriptSeen);
        Assert.Equal((true, "We do, for two hours."), await store.AnswerOfAsync("seen_3", "SM-seen-3", CancellationToken.None));
        Assert.NotNull(await store.BeginTurnAsync("seen_3", "sms", "mission", null, state, "instance-b", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    [StoreFact]
    public async Task Beginning_a_turn_with_a_request_id_reads_that_requests_stored_answer_in_the_same_round_trip()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        var begun = await store.BeginTurnAsync("retry_1", "sms", "mission", "+14155550179", Initial("retry_1", "sms", "+14155550179"), "instance-a", Lease, TimeSpan.Zero,
            "SM-retry-1", CancellationToken.None);
        // A new conversation: nothing was answered yet.
        Assert.Equal((false, null), (begun!.Answered, begun.Answer));
        var state = begun.Conversation.ReadState();
        state.Append([new StoredMessage("user", "is ther parking??"), new StoredMessage("assistant", "Yes, free parking behind the building.")]);
        await store.SaveTurnAsync("retry_1", state,
            [(TurnRole.Client, "is ther parking??", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "Yes, free parking behind the building.", new TurnTags { AiGenerated = true }, 3)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true, requestId: "SM-retry-1");

        // Twilio delivers the same text again (its MessageSid is the request id): the stored answer comes with the begun turn.
        var retried = await store.BeginTurnAsync("retry_1", "sms", "mission", "+14155550179", Initial("retry_1", "sms", "+14155550179"), "instance-b", Lease, TimeSpan.Zero,
            "SM-retry-1", CancellationToken.None);
        Assert.Equal((true, "Yes, free parking behind the building."), (retried!.Answered, retried.Answer));
        Assert.Equal(2, retried.Conversation.LastSeq);
        // Another message of the same conversation has no stored answer; the lease is still the retry's.
        await store.ReleaseLeaseAsync("retry_1", "instance-b", CancellationToken.None);
        var next = await store.BeginTurnAsync("retry_1", "sms", "mission", "+14155550179", Initial("retry_1", "sms", "+14155550179"), "instance-a", Lease, TimeSpan.Zero,
            "SM-retry-2", CancellationToken.None);
        Assert.Equal((false, null), (next!.Answered, next.Answer));
        Assert.Equal(await store.AnswerOfAsync("retry_1", "SM-retry-1", CancellationToken.None), (true, "Yes, free parking behind the building."));
    }

    [StoreFact]
    public async Task A_conversations_session_fields_are_read_without_its_state_and_match_the_whole_row()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("head_1", "web", null, "hi do u have parking", "and how much is a facial");
        await h.Conversations.SetTakenOverAsync("head_1", "maria", Actor.System("test"), CancellationToken.None);

        var whole = await h.Conversations.GetAsync("head_1", CancellationToken.None);
        var session = await h.Conversations.GetSessionAsync("head_1", CancellationToken.None);

        Assert.NotNull(whole);
        Assert.Equal(new ConversationSession { Id = whole.Id, Channel = whole.Channel, Status = whole.Status, UpdatedAtUtc = whole.UpdatedAtUtc }, session);
        Assert.Equal("taken_over", session!.Status);
        Assert.Null(await h.Conversations.GetSessionAsync("head_unknown", CancellationToken.None));
    }

    [StoreFact]
    public async Task A_turn_takes_the_state_its_instance_stored_only_while_the_row_holds_that_text()
    {
        // The harness checks every state taken from the cache against a parse of the row's text (CheckWrittenStates).
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;

        // Each turn after the first takes the state the previous turn of this instance stored, instead of parsing it.
        await h.TalkAsync("kept_1", "web", null, "hi!! do u do massages tmrw", "the first one pls");
        Assert.Equal(1, store.ReusedStates);

        // Something else writes the state (another instance, a staff tool): the next turn reads the row's text.
        var elsewhere = (await store.GetAsync("kept_1", CancellationToken.None))!.ReadState();
        elsewhere.Append([new StoredMessage("assistant", "Written by another instance.")]);
        await using (var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE conversations SET state_json = @state WHERE id = @id",
                new { id = "kept_1", state = System.Text.Json.JsonSerializer.Serialize(elsewhere, StateJsonContext.Default.ConversationState) });
        }
        await h.TalkAsync("kept_1", "web", null, "actually wait, how much is it?");
        Assert.Equal(1, store.ReusedStates);
        Assert.Contains((await store.GetAsync("kept_1", CancellationToken.None))!.ReadState().History, m => m.Text == "Written by another instance.");

        // Its own save puts the state back: the turn after takes it again.
        await h.TalkAsync("kept_1", "web", null, "ok thx");
        Assert.Equal(2, store.ReusedStates);
    }

    // Issue 16: SQLite stores a state deflated since the seventeenth round (PostgreSQL's is text, compressed by lz4). A state
    // stored as text before the upgrade still loads, and the turn's save stores it in the new form.
    [StoreFact]
    public async Task A_state_stored_as_text_before_the_upgrade_still_loads_and_its_next_save_stores_it_compressed()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("text_1", "web", null, "hi!! do u do massages tmrw", "the first one pls");
        var before = (await store.GetAsync("text_1", CancellationToken.None))!.ReadState();
        var db = h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE conversations SET state_json = @state WHERE id = @id",
                new { id = "text_1", state = System.Text.Json.JsonSerializer.Serialize(before, StateJsonContext.Default.ConversationState) });
            Assert.Equal("text", await c.ExecuteScalarAsync<string>(db.IsPostgres
                ? "SELECT CASE WHEN state_json LIKE '{%' THEN 'text' END FROM conversations WHERE id = 'text_1'"
                : "SELECT typeof(state_json) FROM conversations WHERE id = 'text_1'"));
        }

        var read = (await store.GetAsync("text_1", CancellationToken.None))!;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before, StateJsonContext.Default.ConversationState), read.StateJson);
        await h.TalkAsync("text_1", "web", null, "wait whats my total gonna be");

        var after = (await store.GetAsync("text_1", CancellationToken.None))!.ReadState();
        Assert.Equal(before.History.Select(m => m.Text), after.History.Take(before.History.Count).Select(m => m.Text));
        Assert.Contains(after.History, m => m.Text == "wait whats my total gonna be");
        if (!db.IsPostgres)
        {
            await using var c = await db.OpenAsync(CancellationToken.None);
            Assert.Equal("blob", await c.ExecuteScalarAsync<string>("SELECT typeof(state_json) FROM conversations WHERE id = 'text_1'"));
        }
    }

    // Issue 16, nineteenth round: SQLite's save serializes the state straight into the deflater (no text in between). What
    // the row holds is still exactly the serializer's text of the state, whatever the turns said (accents, emoji, quotes).
    [StoreFact]
    public async Task A_saved_state_holds_exactly_the_serializers_text_of_the_state_it_reads_back_as()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("exact_1", "web", null, "hola!! tienen masaje para mañana? 💆‍♀️", "mejor en inglés, the \"deep tissue\" one, 2pm-ish",
            "actually wait, friday instead", "Zoë Ñúñez-O'Brien", "415 555 0199", "yes");
        var conversation = (await store.GetAsync("exact_1", CancellationToken.None))!;
        var state = conversation.ReadState();
        Assert.Contains(state.History, m => m.Text?.Contains("💆‍♀️", StringComparison.Ordinal) == true);
        var text = System.Text.Json.JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);
        Assert.Equal(text, conversation.StateJson);
        if (!h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().IsPostgres)
        {
            var stored = Assert.IsType<byte[]>(conversation.StoredState);
            Assert.Equal(text, StateColumn.Inflate(stored));
            Assert.Equal(text, StateColumn.Inflate(StateColumn.Deflate(state)));
            Assert.True(stored.Length < System.Text.Encoding.UTF8.GetByteCount(text) / 2, $"{stored.Length} bytes stored for {text.Length} characters");
        }
    }
}

public sealed class SqliteTurnStorageTests : TurnStorageTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresTurnStorageTests : TurnStorageTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;

    // Perf round 21: a new conversation's first turn began in two round trips on PostgreSQL (the lease and the read, then
    // the insert and the read again); the insert now goes with the lease, made only when the lease was taken.
    [StoreFact]
    public async Task A_new_conversation_is_created_in_the_round_trip_that_takes_its_lease()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var initial = new ConversationState { Scope = new FrontDesk.Tools.ConversationScope { ConversationId = "new_1", Channel = "sms", LocationId = "mission", VerifiedPhone = "+14155550177" } };

        Conversation? row;
        using (var commands = new NpgsqlCommandsOfThisFlow())
        {
            row = await h.Conversations.BeginTurnAsync("new_1", "sms", "mission", "+14155550177", initial, "instance-a", TimeSpan.FromSeconds(60), TimeSpan.Zero, CancellationToken.None);
            Assert.Equal(1, commands.Count);
        }

        Assert.NotNull(row);
        Assert.Equal(("new_1", "sms", "+14155550177", "active", 0), (row.Id, row.Channel, row.CallerPhone, row.Status, row.TurnCount));
        Assert.Equal("+14155550177", row.ReadState().Scope.VerifiedPhone);
        // The turn goes on as any other: its replies are stored, and the next turn reads them.
        var replies = await h.TalkAsync("new_2", "sms", "+14155550178", "hi, do u have parking?? and r u open sunday", "ok thx");
        Assert.Equal(2, replies.Count);
        Assert.Equal(4, (await h.TranscriptAsync("new_2")).Count);
    }

    [StoreFact]
    public async Task A_begin_that_does_not_get_the_lease_creates_no_conversation()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        // A live lease of another instance on a conversation not stored (yet): that instance's begin is under way.
        await using (var c = await h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("INSERT INTO conversation_leases (conversation_id, owner, until_utc, turns_before) VALUES ('ghost_1', 'instance-a', @until, 0)",
                new { until = DateTime.UtcNow.AddMinutes(1) });
        }
        var initial = new ConversationState { Scope = new FrontDesk.Tools.ConversationScope { ConversationId = "ghost_1", Channel = "web", LocationId = "mission" } };

        var row = await h.Conversations.BeginTurnAsync("ghost_1", "web", "mission", null, initial, "instance-b", TimeSpan.FromSeconds(60), TimeSpan.Zero, CancellationToken.None);

        Assert.Null(row);
        Assert.Null(await h.Conversations.GetAsync("ghost_1", CancellationToken.None));
    }

    [StoreFact]
    public async Task A_conversation_whose_turns_alternate_between_instances_is_not_created_again_at_every_begin()
    {
        await using var a = await AgentHarness.StartAsync(Store);
        await using var b = await AgentHarness.StartOnSameStoreAsync(a);

        await a.TalkAsync("alt_1", "web", null, "hi do u do facials on saturdays");
        await b.TalkAsync("alt_1", "web", null, "and how much is the hydrafacial");
        await a.TalkAsync("alt_1", "web", null, "ok cool. is there parking");
        using (var commands = new NpgsqlCommandsOfThisFlow())
        {
            // Instance b stored a turn of it (its kept state): this begin only takes the lease and reads.
            await b.TalkAsync("alt_1", "web", null, "thx!!");
            Assert.NotEmpty(commands.Texts);
            Assert.DoesNotContain(commands.Texts, t => t.Contains("INSERT INTO conversations", StringComparison.Ordinal));
        }

        Assert.Equal(8, (await a.TranscriptAsync("alt_1")).Count);
        Assert.Equal(4, (await a.Conversations.GetAsync("alt_1", CancellationToken.None))!.TurnCount);
    }

    /// <summary>PostgreSQL commands Npgsql runs in this test's own flow (an activity of its own as their parent), not other tests'.</summary>
    private sealed class NpgsqlCommandsOfThisFlow : IDisposable
    {
        private readonly System.Diagnostics.Activity _root = new System.Diagnostics.Activity("turn-storage-test").Start();
        private readonly System.Diagnostics.ActivityListener _listener;
        private int _count;

        public NpgsqlCommandsOfThisFlow()
        {
            var trace = _root.TraceId;
            _listener = new System.Diagnostics.ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> o) =>
                    o.Parent.TraceId == trace ? System.Diagnostics.ActivitySamplingResult.AllData : System.Diagnostics.ActivitySamplingResult.None,
                ActivityStarted = a =>
                {
                    if (a.TraceId == trace)
                    {
                        Interlocked.Increment(ref _count);
                    }
                },
                ActivityStopped = a =>
                {
                    if (a.TraceId == trace && (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName) is string text)
                    {
                        _texts.Add(text);
                    }
                },
            };
            System.Diagnostics.ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        /// <summary>The commands' texts, as Npgsql tags them.</summary>
        public IReadOnlyCollection<string> Texts => _texts;

        private readonly System.Collections.Concurrent.ConcurrentBag<string> _texts = [];

        public void Dispose()
        {
            _listener.Dispose();
            _root.Stop();
        }
    }
}
