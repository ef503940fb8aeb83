using System.IO.Compression;
using System.Text;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 16, perf round 31: SQLite's state column is deflated at a cheaper level (zlib 1, about half the CPU of level 2 both
/// ways), and again at round 17's level 2 when the cheap form would not leave room on the row's page. Raw deflate is the same
/// format at every level, so states stored by the previous code (level 2 BLOBs, and text from before round 17) load as they
/// are; PostgreSQL's column is text, compressed by PostgreSQL, and does not change.
/// </summary>
public abstract class RoundThirtyOneStateColumnTests
{
    protected abstract TestStore Store { get; }

    /// <summary>The previous code's BLOB, written here without it: the format byte, then the UTF-8 JSON deflated at level 2.</summary>
    private static byte[] AsTheRoundSeventeenCodeStoredIt(string json)
    {
        using var output = new MemoryStream();
        output.WriteByte(1);
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = 2 }, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    private static int DeflatedAt(int level, string json)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(json));
        }
        return (int)output.Length + 1;
    }

    [StoreFact]
    public async Task A_state_the_previous_code_stored_loads_and_the_conversation_goes_on_from_it()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        await h.TalkAsync("old_1", "web", null, "hiya do u have a deep tissue 60 on friday?? afternoon ideally", "hmm the 2nd one");
        var before = (await store.GetAsync("old_1", CancellationToken.None))!;
        var json = before.StateJson;
        var db = h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>();
        await using (var c = await db.OpenAsync(CancellationToken.None))
        {
            // What the row held before this round: a level-2 BLOB on SQLite, the JSON text on PostgreSQL.
            await c.ExecuteAsync("UPDATE conversations SET state_json = @state WHERE id = @id",
                new { id = "old_1", state = db.IsPostgres ? (object)json : AsTheRoundSeventeenCodeStoredIt(json) });
        }

        var read = (await store.GetAsync("old_1", CancellationToken.None))!;
        Assert.Equal(json, read.StateJson);

        // The conversation goes on from the state as stored before: the offer it holds is booked, once.
        var replies = await h.TalkAsync("old_1", "web", null, "Dana Whitfield", "415-555-0143", "yes thats right");
        Assert.Single(await h.BookedAsync());
        var after = (await store.GetAsync("old_1", CancellationToken.None))!;
        Assert.Equal(
            read.ReadState().History.Select(m => m.Text),
            after.ReadState().History.Take(read.ReadState().History.Count).Select(m => m.Text));
        Assert.Contains(after.ReadState().History, m => m.Text == "yes thats right");
        Assert.DoesNotContain(replies, r => string.IsNullOrEmpty(r.Text));
    }

    [StoreFact]
    public async Task An_ordinary_state_is_stored_at_the_cheap_level_and_reads_back_exactly()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("cheap_1", "web", null, "hola!! tienen masaje para mañana? 💆‍♀️", "mejor en inglés, the \"deep tissue\" one, 2pm-ish",
            "actually wait, friday instead", "Zoë Ñúñez-O'Brien");
        var conversation = (await h.Conversations.GetAsync("cheap_1", CancellationToken.None))!;
        var text = System.Text.Json.JsonSerializer.Serialize(conversation.ReadState(), StateJsonContext.Default.ConversationState);
        Assert.Equal(text, conversation.StateJson);
        if (h.Book.Get<FrontDesk.Tools.Store.SpaDatabase>().IsPostgres)
        {
            Assert.IsType<string>(conversation.StoredState);
            return;
        }
        var stored = Assert.IsType<byte[]>(conversation.StoredState);
        Assert.Equal(StateColumn.Deflated, stored[0]);
        Assert.Equal(text, StateColumn.Inflate(stored));
        Assert.Equal(DeflatedAt(1, text), stored.Length);
        Assert.True(stored.Length <= StateColumn.CheapLimit, $"{stored.Length} bytes");
    }

    [Fact]
    public void A_state_whose_cheap_form_would_crowd_its_page_is_deflated_at_level_two()
    {
        // A long conversation's state (forty messages of history, as ConversationState keeps at most): its level-1 form is over
        // the cheap limit, so it is deflated again at level 2 and the smaller kept.
        var state = new ConversationState();
        var words = ("hi do u have anything for my back been sitting at a desk all week lol deep tissue swedish hot stone facial hydrafacial " +
            "friday saturday morning afternoon evening parking sister mom husband gift card price how much cancel move reschedule " +
            "quiero cambiar la cita al martes por mañana gracias masaje limpieza facial con Mia Leo Ana Sofia 2:15 4:30 9:00 " +
            "actually wait no sorry the first one second one other ok yes please thanks sounds good is it okay if I am pregnant").Split(' ');
        var random = new Random(31);
        for (var i = 0; i < ConversationState.MaxHistory; i++)
        {
            var line = string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[random.Next(words.Length)]));
            state.History.Add(new StoredMessage(i % 2 == 0 ? "user" : "assistant", line,
                Result: i % 5 == 4 ? new StoredResult($"call_{i}", $$"""{"ok":true,"slots":[{"start":"2026-12-{{10 + random.Next(15)}}T1{{random.Next(10)}}:15:00-08:00","staff":"{{words[random.Next(words.Length)]}}"}]}""") : null));
        }
        var text = System.Text.Json.JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);
        Assert.True(DeflatedAt(1, text) > StateColumn.CheapLimit, $"{DeflatedAt(1, text)} bytes at level 1 for {text.Length} characters: not a large state");

        var stored = StateColumn.Deflate(state);

        Assert.Equal(text, StateColumn.Inflate(stored));
        Assert.Equal(Math.Min(DeflatedAt(1, text), DeflatedAt(2, text)), stored.Length);
        Assert.Equal(stored, StateColumn.Deflate(text));
    }
}

public sealed class SqliteRoundThirtyOneStateColumnTests : RoundThirtyOneStateColumnTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresRoundThirtyOneStateColumnTests : RoundThirtyOneStateColumnTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
