using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;

namespace FrontDesk.Agent.Tests.Hardening;

/// <summary>Issue 15, item 1: writes racing into one conversation each get their own transcript position.</summary>
public abstract class TranscriptSeqTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task Staff_replies_and_turns_racing_into_one_conversation_all_land_in_order()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        var store = h.Conversations;
        var id = "race_seq_1";
        await store.GetOrCreateAsync(id, "sms", null, "+14155550100", new ConversationState(), CancellationToken.None);
        var staff = Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            store.AppendTurnAsync(id, TurnRole.Staff, $"staff reply {i}", new TurnTags(), CancellationToken.None)));
        var turns = Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            store.SaveTurnAsync(id, new ConversationState(), [(TurnRole.Client, $"text {i}", new TurnTags(), null), (TurnRole.Agent, $"answer {i}", new TurnTags(), 5)],
                [], "sms", null, Actor.System("test"), CancellationToken.None)));
        await Task.WhenAll(staff.Concat(turns));

        var transcript = await store.TranscriptAsync(id, CancellationToken.None);
        Assert.Equal(36, transcript.Count);
        Assert.Equal(Enumerable.Range(1, 36), transcript.Select(t => t.Seq));
        // A turn's two rows stay next to each other.
        for (var i = 0; i < 12; i++)
        {
            var at = transcript.ToList().FindIndex(t => t.Text == $"text {i}");
            Assert.Equal($"answer {i}", transcript[at + 1].Text);
        }
    }
}

public sealed class SqliteTranscriptSeqTests : TranscriptSeqTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresTranscriptSeqTests : TranscriptSeqTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
