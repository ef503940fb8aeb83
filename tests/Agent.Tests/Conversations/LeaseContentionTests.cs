using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Perf round 23 (issue 15's race): taking a conversation's lease rewrites its small row in place on PostgreSQL (a HOT update:
/// no index entry written, the row's page the only page touched), also when the owner changes, as it does at every turn of a
/// conversation whose turns alternate between two instances; and a lapsed lease is still not taken from under a save in flight.
/// </summary>
public sealed class LeaseContentionTests : IPostgresTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    [StoreFact]
    public async Task Turns_that_alternate_between_two_instances_take_the_lease_by_rewriting_its_row_in_place()
    {
        await using var a = await AgentHarness.StartAsync(TestStore.Postgres);
        await using var b = await AgentHarness.StartOnSameStoreAsync(a);
        AgentHarness[] instances = [a, b];
        string[][] conversations =
        [
            ["hi do u do facials on saturdays", "how much is the hydrafacial??", "ok and is there parking", "thx!!"],
            ["Hola, ¿tienen masajes el domingo?", "cuanto cuesta el masaje sueco", "vale gracias"],
            ["hey whats ur cancelation policy", "wait actually do you sell gift cards", "cool, can i buy one online or only at the desk", "ok bye"],
        ];
        var turn = 0;
        for (var i = 0; i < conversations.Length; i++)
        {
            foreach (var text in conversations[i])
            {
                await instances[turn++ % 2].TalkAsync($"alt_lease_{i}", "web", null, text);
            }
        }
        // Every begin after a conversation's first found its lease row and took it over from the other instance.
        var takenOver = conversations.Sum(c => c.Length - 1);

        var (updated, inPlace) = await LeaseUpdatesAsync(a, takenOver);

        Assert.True(updated >= takenOver, $"{updated} lease updates counted, {takenOver} expected");
        Assert.Equal(updated, inPlace);
        for (var i = 0; i < conversations.Length; i++)
        {
            Assert.Equal(conversations[i].Length * 2, (await a.TranscriptAsync($"alt_lease_{i}")).Count);
        }
        // The lease still means what it did: the last turn was stored, so anyone may take it; once taken, nobody else may.
        var state = (await a.Conversations.GetAsync("alt_lease_0", CancellationToken.None))!.ReadState();
        Assert.NotNull(await a.Conversations.BeginTurnAsync("alt_lease_0", "web", "mission", null, state, "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));
        Assert.Null(await b.Conversations.BeginTurnAsync("alt_lease_0", "web", "mission", null, state, "instance-d", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    // The save of a turn reads its lease under a row lock that lasts until it commits: another instance that finds the lease
    // lapsed (the holder stalled) waits for that commit, and then reads the conversation with the stalled turn in it, rather
    // than answering from the state the save is replacing; and it holds the lease it took (before this round's fix its lease
    // was over at once: counted from before the stalled turn was stored).
    [StoreFact]
    public async Task A_lapsed_lease_is_taken_only_after_the_holders_save_in_flight_has_committed()
    {
        await using var h = await AgentHarness.StartAsync(TestStore.Postgres);
        var store = h.Conversations;
        var state = new ConversationState
        {
            Scope = new FrontDesk.Tools.ConversationScope { ConversationId = "stalled_1", Channel = "sms", LocationId = "mission", VerifiedPhone = "+14155550166" },
        };
        Assert.NotNull(await store.BeginTurnAsync("stalled_1", "sms", "mission", "+14155550166", state, "instance-a", Lease, TimeSpan.Zero, CancellationToken.None));
        state.Append([new StoredMessage("user", "r u open on xmas eve"), new StoredMessage("assistant", "We close at 3 pm on Christmas Eve.")]);
        await using var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        // instance-a stalled past its lease...
        await c.ExecuteAsync("UPDATE conversation_leases SET until_utc = @past WHERE conversation_id = 'stalled_1'", new { past = DateTime.UtcNow.AddMinutes(-1) });

        // ...and its save is under way, held (here by a lock on the conversation row) after it has checked the lease.
        await using var holder = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        await using var held = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT 1 FROM conversations WHERE id = 'stalled_1' FOR UPDATE", transaction: held);
        var saving = store.SaveTurnAsync("stalled_1", state,
            [(TurnRole.Client, "r u open on xmas eve", new TurnTags { Intent = "faq" }, null), (TurnRole.Agent, "We close at 3 pm on Christmas Eve.", new TurnTags { AiGenerated = true }, 4)],
            [], "sms", "mission", Actor.System("test"), "instance-a", CancellationToken.None, releaseLease: true);
        await WaitForLockWaitersAsync(c, 1);

        var taking = store.BeginTurnAsync("stalled_1", "sms", "mission", "+14155550166", state, "instance-b", Lease, TimeSpan.Zero, CancellationToken.None);
        await WaitForLockWaitersAsync(c, 2, taking);
        Assert.False(taking.IsCompleted, "the lapsed lease was taken while the save that held it was in flight");

        await held.CommitAsync();
        await saving;
        var begun = await taking;
        Assert.NotNull(begun);
        Assert.Equal(2, begun.LastSeq);
        Assert.Contains(begun.ReadState().History, m => m.Text == "r u open on xmas eve");
        // And the lease it took is held, not over with the stalled turn's: a third instance may not take it while this turn runs.
        Assert.Equal("instance-b", await store.LeaseOwnerAsync("stalled_1", CancellationToken.None));
        Assert.Null(await store.BeginTurnAsync("stalled_1", "sms", "mission", "+14155550166", state, "instance-c", Lease, TimeSpan.Zero, CancellationToken.None));
    }

    /// <summary>Waits until <paramref name="count"/> sessions of this database wait on a lock (or <paramref name="done"/> ends).</summary>
    private static async Task WaitForLockWaitersAsync(System.Data.Common.DbConnection c, int count, Task? done = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < count)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{count} sessions never waited on a lock");
            if (done?.IsCompleted == true)
            {
                return;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The lease table's updates and how many of them were HOT (the new row version on the same page, no index entry), as
    /// PostgreSQL's statistics count them; they reach the view when a session flushes them (within seconds when idle).
    /// </summary>
    private static async Task<(long Updated, long InPlace)> LeaseUpdatesAsync(AgentHarness h, int atLeast)
    {
        await using var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await c.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
            var (updated, inPlace) = await c.QuerySingleAsync<(long, long)>(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'conversation_leases'");
            if (updated >= atLeast || watch.Elapsed > TimeSpan.FromSeconds(40))
            {
                return (updated, inPlace);
            }
            await Task.Delay(250);
        }
    }
}
