using System.Net;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>
/// The fault suite for SMS keywords (issue 15): two hosts on one database; instance one dies between a keyword's change
/// and its recorded answer, Twilio delivers the text again to instance two. The keyword acts once, is in the transcript
/// once, and the redelivery gets the keyword's answer.
/// </summary>
public abstract class KeywordFaultTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task STOP_whose_instance_died_after_the_opt_out_is_recorded_once_and_answered_on_the_retry()
    {
        await using var one = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioOne = new TwilioSimulator(one.CreateClient());
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hi r u open sunday")).Status);

        FaultSuiteTests.DieAt(one, FaultPoints.KeywordApplied);
        var sid = twilioOne.NewSid("SM");
        await FaultSuiteTests.SendToDyingAsync(twilioOne, "Stop", sid);
        await FaultSuiteTests.LeaveAsDeadAsync(two, sid, conversationId);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Stop", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Contains("START", retry.Message, StringComparison.Ordinal);
        Assert.True(await two.Get<SmsOptOuts>().IsOptedOutAsync(TwilioSmsTests.Ava, CancellationToken.None));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "Stop");
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'client.sms_opt_out'"));
        // Delivered once more, the recorded answer is given again and nothing is written.
        var third = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Stop", messageSid: sid);
        Assert.Equal(retry.Message, third.Message);
        Assert.Equal(transcript.Count, (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task X_whose_instance_died_after_the_cancellation_cancels_once_and_the_retry_says_so()
    {
        await using var one = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioOne = new TwilioSimulator(one.CreateClient());
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var later = await TwilioSmsTests.BookAsync(two, "c-ben", new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc));
        await TwilioSmsTests.RemindAsync(two, "c-ben", TwilioSmsTests.Ben, later);
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ben, TwilioSmsTests.Mission);

        FaultSuiteTests.DieAt(one, FaultPoints.KeywordApplied);
        var sid = twilioOne.NewSid("SM");
        await FaultSuiteTests.SendToDyingAsync(twilioOne, "x", sid, TwilioSmsTests.Ben);
        await FaultSuiteTests.LeaveAsDeadAsync(two, sid, conversationId);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ben, TwilioSmsTests.Mission, "x", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Contains("cancelled", retry.Message, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await two.Get<AppointmentBook>().GetAsync(later.Id, CancellationToken.None))!.Status);
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.cancelled' AND entity_id = @Id", new { later.Id }));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "x");
        Assert.Equal(2, transcript.Count);
    }

    [StoreFact]
    public async Task YES_to_a_waitlist_offer_whose_instance_died_after_the_acceptance_books_once_and_the_retry_says_so()
    {
        await using var one = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioOne = new TwilioSimulator(one.CreateClient());
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var offer = await TwilioSmsTests.OfferAvaAFreedSlotAsync(two);
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);

        FaultSuiteTests.DieAt(one, FaultPoints.KeywordApplied);
        var sid = twilioOne.NewSid("SM");
        await FaultSuiteTests.SendToDyingAsync(twilioOne, "Yes!", sid);
        await FaultSuiteTests.LeaveAsDeadAsync(two, sid, conversationId);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Yes!", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Contains("booked", retry.Message, StringComparison.OrdinalIgnoreCase);
        var appointment = await two.Get<AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None);
        Assert.Equal(AppointmentStatus.Booked, appointment!.Status);
        Assert.Equal("c-ava", appointment.ClientId);
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'waitlist.accept' AND entity_id = @Id", new { offer.Id }));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "Yes!");
        Assert.Equal(2, transcript.Count);
        // Delivered once more, the recorded answer is given again and nothing is written.
        var third = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Yes!", messageSid: sid);
        Assert.Equal(retry.Message, third.Message);
        Assert.Equal(2, (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);
    }
}

public sealed class SqliteKeywordFaultTests : KeywordFaultTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresKeywordFaultTests : KeywordFaultTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
