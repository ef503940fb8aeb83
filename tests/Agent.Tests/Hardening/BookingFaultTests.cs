using Dapper;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;

namespace FrontDesk.Agent.Tests.Hardening;

/// <summary>
/// Issue 15, items 2 and 3: a booking and its conversation never end up half done. An instance killed between the
/// booking's commit and the turn's (kill -9 modelled as below) leaves the appointment and no transcript; the person's
/// retry on another instance finds and finishes that booking instead of asking again or booking twice. A losing
/// booking attempt leaves no client row behind.
/// </summary>
public abstract class BookingFaultTests
{
    protected abstract TestStore Store { get; }

    private static readonly string[] UpToTheReadBack = ["Hi! I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Sam Lee", "415-555-7788"];

    [StoreFact]
    public async Task A_yes_whose_instance_died_after_booking_is_finished_by_the_retry_on_another_instance()
    {
        // Turns wait 6 s for a conversation another instance holds; the lease must lapse sooner than that.
        var settings = new Dictionary<string, string?> { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" };
        await using var first = await AgentHarness.StartAsync(Store, extra: settings);
        await first.TalkAsync("web_crash_1", "web", null, UpToTheReadBack);
        // kill -9 right after the appointment commits. Modelled by cancelling the turn at that point: the instance's every later
        // write takes that token, so nothing after the point reaches the store (no transcript, state or reply), exactly as
        // when the process dies; its in-memory state is dropped with the instance, and the lease it held is put back as a
        // dead process leaves it (the cancelled instance released it on its way out).
        using var killed = new CancellationTokenSource();
        (string? Owner, DateTime Until) leaseAtDeath = default;
        first.Book.Get<FaultPoints>().OnPoint = async point =>
        {
            if (point == FaultPoints.BookingCommitted)
            {
                await using var c = await first.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
                leaseAtDeath = (await TestLeases.GetAsync(c, "web_crash_1"))!.Value;
                await killed.CancelAsync();
                killed.Token.ThrowIfCancellationRequested();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Agent.HandleAsync(new TurnRequest("web_crash_1", "web", "yes please", null), killed.Token));
        await LeaveDeadLeaseAsync(first, "web_crash_1", leaseAtDeath.Owner!, leaseAtDeath.Until);
        Assert.Single(await first.BookedAsync());
        Assert.Equal(8, (await first.TranscriptAsync("web_crash_1")).Count);

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        // The retry arrives at once and waits out the dead instance's lease (real time), within its own turn wait.
        var retry = (await second.TalkAsync("web_crash_1", "web", null, "yes please"))[0];

        var booked = second.One(await second.BookedAsync());
        Assert.True(retry.Text!.Contains("all set", StringComparison.OrdinalIgnoreCase), second.Said);
        Assert.DoesNotContain(retry.ToolCalls, c => c.Outcome == "verification_required");
        var transcript = await second.TranscriptAsync("web_crash_1");
        Assert.Equal(10, transcript.Count);
        var conversation = await second.Conversations.GetAsync("web_crash_1", CancellationToken.None);
        Assert.Equal(booked.ClientId, conversation!.ReadState().Scope.ClientId);
        // Asked again later, the person is not offered the same booking twice.
        await second.TalkAsync("web_crash_1", "web", null, "thanks!");
        Assert.Single(await second.BookedAsync());
    }

    [StoreFact]
    public async Task A_yes_by_text_whose_instance_died_after_booking_gets_its_confirmation_text_once_on_the_retry()
    {
        var settings = new Dictionary<string, string?> { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" };
        await using var first = await AgentHarness.StartAsync(Store, extra: settings);
        const string Ava = "+14155551111";
        await first.TalkAsync("sms_crash_1", "sms", Ava, "hydrafacial wednesday pls", "the first one");
        using var killed = new CancellationTokenSource();
        (string? Owner, DateTime Until) leaseAtDeath = default;
        first.Book.Get<FaultPoints>().OnPoint = async point =>
        {
            if (point == FaultPoints.BookingCommitted)
            {
                await using var c = await first.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
                leaseAtDeath = (await TestLeases.GetAsync(c, "sms_crash_1"))!.Value;
                await killed.CancelAsync();
                killed.Token.ThrowIfCancellationRequested();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Agent.HandleAsync(new TurnRequest("sms_crash_1", "sms", "yes", Ava), killed.Token));
        await LeaveDeadLeaseAsync(first, "sms_crash_1", leaseAtDeath.Owner!, leaseAtDeath.Until);

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        var retry = (await second.TalkAsync("sms_crash_1", "sms", Ava, "yes"))[0];

        var booked = second.One(await second.BookedAsync());
        Assert.True(retry.Text!.Contains("all set", StringComparison.OrdinalIgnoreCase), second.Said);
        // The booking's confirmation text went with it: queued once, whichever instance finished the turn.
        var confirmations = (await second.OutboxAsync()).Where(m => m.Kind == MessageKind.Confirmation && m.RelatedId == booked.Id).ToList();
        Assert.Single(confirmations);
        Assert.Contains(retry.ToolCalls, c => c.Outcome == "booked");
    }

    [StoreFact]
    public async Task A_yes_whose_instance_died_as_its_turn_was_being_stored_is_finished_once_by_the_retry_on_another_instance()
    {
        await using var first = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" });
        await first.TalkAsync("sms_store_1", "sms", Ava, "can i get a hydrafacial wednesday? afternoon if u can", "the 1st one");
        var before = (await first.TranscriptAsync("sms_store_1")).Count;

        // The turn's effects are done (booked, confirmation queued, reply built) and the instance dies before storing the turn.
        await DieAtAsync(first, FaultPoints.TurnStoring, "sms_store_1", "sms", Ava, "yes pls");
        var booked = first.One(await first.BookedAsync());
        Assert.Equal(before, (await first.TranscriptAsync("sms_store_1")).Count);

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        var retry = (await second.TalkAsync("sms_store_1", "sms", Ava, "yes pls"))[0];

        Assert.True(retry.Text!.Contains("all set", StringComparison.OrdinalIgnoreCase), second.Said);
        Assert.Equal(booked.Id, second.One(await second.BookedAsync()).Id);
        Assert.Single(await second.OutboxAsync(), m => m.Kind == MessageKind.Confirmation && m.RelatedId == booked.Id);
        var transcript = await second.TranscriptAsync("sms_store_1");
        Assert.Equal(before + 2, transcript.Count);
        Assert.Single(transcript, t => t.Role == "client" && t.Text == "yes pls");
        Assert.Null(await second.Conversations.LeaseOwnerAsync("sms_store_1", CancellationToken.None));
        // The person goes on: nothing is waiting for another yes.
        var after = (await second.TalkAsync("sms_store_1", "sms", Ava, "ok thx!"))[0];
        Assert.DoesNotContain(after.ToolCalls, c => c.Name == "book_appointment");
        Assert.Single(await second.BookedAsync());
    }

    [StoreFact]
    public async Task The_loser_of_a_race_for_one_slot_leaves_no_client_row_and_books_another_time_without_a_code()
    {
        await using var h = await AgentHarness.StartAsync(Store);
        await h.TalkAsync("web_race_a", "web", null, UpToTheReadBack);
        await h.TalkAsync("web_race_b", "web", null, "Hi! I'd like a deep tissue massage tomorrow afternoon", "the first one", "my name is Jo Park", "(415) 555-9911");
        await h.TalkAsync("web_race_a", "web", null, "yes please");
        var lost = (await h.TalkAsync("web_race_b", "web", null, "yes"))[0];
        Assert.True(lost.ToolCalls.Any(c => c.Outcome == "slot_taken"), h.Said);

        await using (var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clients WHERE COALESCE(phone, unverified_phone) = '+14155559911'"));
        }
        var again = await h.TalkAsync("web_race_b", "web", null, "the first one", "yes");
        Assert.DoesNotContain(again.SelectMany(r => r.ToolCalls), c => c.Outcome == "verification_required");
        Assert.Equal(2, (await h.BookedAsync()).Count);
    }

    private const string Ava = "+14155551111";
    private const string Ben = "+14155552222";

    [StoreFact]
    public async Task A_cancel_whose_instance_died_after_it_committed_is_finished_by_the_retry_without_cancelling_twice()
    {
        await using var first = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" });
        await first.TalkAsync("sms_cx_1", "sms", Ava, "book me a signature facial on friday", "the first one", "yes");
        var booked = first.One(await first.BookedAsync());
        // Ben waits for a signature facial that Friday: the freed time is offered to him, once.
        var bens = SpaBookHarness.Scope("voice", Ben);
        await first.Book.CallToolAsync(bens, "join_waitlist", ("service", "signature-facial"), ("start_date", "2026-11-27"));
        bens.BeginTurn(saidYes: true);
        var joined = await first.Book.CallToolAsync(bens, "join_waitlist", ("service", "signature-facial"), ("start_date", "2026-11-27"));
        Assert.Equal("ok", joined.GetProperty("status").GetString());
        var asked = await first.TalkAsync("sms_cx_2", "sms", Ava, "hey can u cancel my facial friday? something came up");
        Assert.True(asked[0].ToolCalls.Any(c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation"), first.Said);

        await DieAtAsync(first, FaultPoints.CancelCommitted, "sms_cx_2", "sms", Ava, "yes");
        Assert.Empty(await first.BookedAsync());

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        var retry = (await second.TalkAsync("sms_cx_2", "sms", Ava, "yes"))[0];

        Assert.True(retry.ToolCalls.Any(c => c.Name == "cancel_appointment" && c.Outcome == "cancelled"), second.Said);
        Assert.Equal(1, await CountAuditAsync(second, "appointment.cancelled", booked.Id));
        Assert.Single(await second.OutboxAsync(), m => m.Kind == MessageKind.WaitlistOffer);
        Assert.Single(await second.TranscriptAsync("sms_cx_2"), t => t.Role == "client" && t.Text == "yes");
        // Nothing is left waiting for a yes: a second "yes" cancels nothing and asks nothing.
        var again = (await second.TalkAsync("sms_cx_2", "sms", Ava, "ok thx"))[0];
        Assert.DoesNotContain(again.ToolCalls, c => c.Name == "cancel_appointment");
    }

    [StoreFact]
    public async Task Cancel_both_whose_instance_died_after_the_first_committed_is_finished_by_the_retry_without_cancelling_twice()
    {
        await using var first = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" });
        await first.TalkAsync("sms_cb_1", "sms", Ava, "book me a signature facial on friday", "the first one", "yes");
        await first.TalkAsync("sms_cb_2", "sms", Ava, "book me a hydrafacial on wednesday", "the first one", "yes");
        var booked = await first.BookedAsync();
        Assert.Equal(2, booked.Count);
        var asked = await first.TalkAsync("sms_cb_3", "sms", Ava, "cancel both my appointments pls");
        Assert.True(asked[0].ToolCalls.Any(c => c.Name == "cancel_appointment" && c.Outcome == "needs_confirmation"), first.Said);

        await DieAtAsync(first, FaultPoints.CancelCommitted, "sms_cb_3", "sms", Ava, "yes");
        Assert.Single(await first.BookedAsync());

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        var retry = (await second.TalkAsync("sms_cb_3", "sms", Ava, "yes"))[0];

        Assert.True(retry.ToolCalls.Any(c => c.Name == "cancel_appointment" && c.Outcome == "cancelled"), second.Said);
        Assert.Empty(await second.BookedAsync());
        foreach (var appointment in booked)
        {
            Assert.Equal(1, await CountAuditAsync(second, "appointment.cancelled", appointment.Id));
        }
    }

    [StoreFact]
    public async Task A_move_whose_instance_died_after_it_committed_is_finished_by_the_retry_and_texted_once()
    {
        await using var first = await AgentHarness.StartAsync(Store, extra: new() { ["FrontDesk:Agent:TurnWaitSeconds"] = "6" });
        await first.TalkAsync("sms_mv_1", "sms", Ava, "book me a signature facial on wednesday", "the first one", "yes");
        var booked = first.One(await first.BookedAsync());
        var asked = await first.TalkAsync("sms_mv_2", "sms", Ava, "i need to move my facial to friday instead", "the first one");
        Assert.True(asked[^1].ToolCalls.Any(c => c.Name == "reschedule_appointment" && c.Outcome == "needs_confirmation"), first.Said);

        await DieAtAsync(first, FaultPoints.RescheduleCommitted, "sms_mv_2", "sms", Ava, "yes");
        var moved = first.One(await first.BookedAsync());
        Assert.Equal(DayOfWeek.Friday, first.Local(moved).DayOfWeek);

        await using var second = await AgentHarness.StartOnSameStoreAsync(first);
        var retry = (await second.TalkAsync("sms_mv_2", "sms", Ava, "yes"))[0];

        Assert.True(retry.ToolCalls.Any(c => c.Name == "reschedule_appointment" && c.Outcome == "rescheduled"), second.Said);
        Assert.Equal(moved.StartsAtUtc, second.One(await second.BookedAsync()).StartsAtUtc);
        Assert.Equal(1, await CountAuditAsync(second, "appointment.reschedule", booked.Id));
        // One confirmation for the booking and one for the move: the move's went with it, and the retry queued none.
        Assert.Equal(2, (await second.OutboxAsync()).Count(m => m.Kind == MessageKind.Confirmation && m.RelatedId == booked.Id));
        Assert.Single(await second.TranscriptAsync("sms_mv_2"), t => t.Role == "client" && t.Text == "yes");
    }

    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="first"/> and kills it at <paramref name="point"/>, as the tests above
    /// do by hand: the turn is cancelled there (nothing after it reaches the store) and the lease is left as a dead process
    /// leaves it.
    /// </summary>
    private static async Task DieAtAsync(AgentHarness first, string point, string conversationId, string channel, string? phone, string text)
    {
        using var killed = new CancellationTokenSource();
        (string? Owner, DateTime Until) leaseAtDeath = default;
        first.Book.Get<FaultPoints>().OnPoint = async p =>
        {
            if (p == point)
            {
                await using var c = await first.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
                leaseAtDeath = (await TestLeases.GetAsync(c, conversationId))!.Value;
                await killed.CancelAsync();
                killed.Token.ThrowIfCancellationRequested();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.Agent.HandleAsync(new TurnRequest(conversationId, channel, text, phone), killed.Token));
        first.Book.Get<FaultPoints>().OnPoint = null;
        await LeaveDeadLeaseAsync(first, conversationId, leaseAtDeath.Owner!, leaseAtDeath.Until);
    }

    private static async Task<long> CountAuditAsync(AgentHarness h, string action, string appointmentId)
    {
        await using var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = @action AND entity_id = @appointmentId", new { action, appointmentId });
    }

    private static async Task LeaveDeadLeaseAsync(AgentHarness h, string conversationId, string owner, DateTime until)
    {
        await using var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        await TestLeases.SetAsync(c, conversationId, owner, until);
    }
}

public sealed class SqliteBookingFaultTests : BookingFaultTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresBookingFaultTests : BookingFaultTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
