using System.Net;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>
/// Issue 15, item 10: a text whose instance died after recording it is answered when Twilio delivers it again to another
/// instance. kill -9 is modelled by the rows a dead instance leaves: the message recorded (seen long enough ago) with no
/// answer, and its conversation lease lapsed; the live host never ran the first delivery.
/// </summary>
public abstract class SmsFaultTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_text_whose_instance_died_is_answered_on_Twilios_retry_to_another_instance()
    {
        await using var host = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var sid = twilio.NewSid("SM");
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        await host.Get<ConversationStore>().GetOrCreateAsync(conversationId, "sms", "mission", TwilioSmsTests.Ava, new ConversationState(), CancellationToken.None);
        await using (var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("""
                INSERT INTO sms_inbound (message_sid, conversation_id, from_phone, to_phone, received_at_utc) VALUES (@sid, @conversationId, @from, @to, @now)
                """, new { sid, conversationId, from = TwilioSmsTests.Ava, to = TwilioSmsTests.Mission, now = DateTime.UtcNow });
            await c.ExecuteAsync("UPDATE sms_inbound SET handling_until_utc = @past WHERE message_sid = @sid", new { sid, past = DateTime.UtcNow.AddSeconds(-5) });
            await TestLeases.SetAsync(c, conversationId, "killed-instance", DateTime.UtcNow.AddSeconds(-1));
        }

        var retry = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Is there parking?", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Contains("parking", retry.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);
        // Delivered once more after that, the stored answer is replayed: the agent does not run again.
        var third = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Is there parking?", messageSid: sid);
        Assert.Equal(retry.Message, third.Message);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);
    }

    // Issue 16: a stored turn leaves its lease in place (live by its time, but over). An instance that answered one text, then
    // recorded the next and died before its turn began, leaves exactly that: the retry must not wait on it.
    [StoreFact]
    public async Task A_text_whose_instance_died_before_its_turn_is_answered_on_the_retry_though_the_last_turns_lease_is_still_live()
    {
        await using var host = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        var first = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hi do u have parking");
        Assert.Contains("parking", first.Message, StringComparison.OrdinalIgnoreCase);
        var sid = twilio.NewSid("SM");
        await using (var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            // The first text's turn was the killed instance's: its lease row stays as the save left it, live for 30 s more.
            Assert.Equal(1, await c.ExecuteAsync("UPDATE conversation_leases SET owner = 'killed-instance', until_utc = @until WHERE conversation_id = @conversationId",
                new { conversationId, until = DateTime.UtcNow.AddSeconds(30) }));
            await c.ExecuteAsync("""
                INSERT INTO sms_inbound (message_sid, conversation_id, from_phone, to_phone, received_at_utc, handling_until_utc) VALUES (@sid, @conversationId, @from, @to, @now, @past)
                """, new { sid, conversationId, from = TwilioSmsTests.Ava, to = TwilioSmsTests.Mission, now = DateTime.UtcNow, past = DateTime.UtcNow.AddSeconds(-5) });
        }
        Assert.Null(await host.Get<ConversationStore>().LeaseOwnerAsync(conversationId, CancellationToken.None));

        var retry = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "and is it free??", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.False(string.IsNullOrEmpty(retry.Message));
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal(4, transcript.Count);
        Assert.Single(transcript, t => t.Text == "and is it free??");
    }

    [StoreFact]
    public async Task A_retry_while_the_first_delivery_is_still_being_handled_does_not_answer_twice()
    {
        await using var host = FrontDeskHost.Create(Store, settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var sid = twilio.NewSid("SM");
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        await host.Get<ConversationStore>().GetOrCreateAsync(conversationId, "sms", "mission", TwilioSmsTests.Ava, new ConversationState(), CancellationToken.None);
        await using (var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            // Another instance recorded it a moment ago and holds the conversation's lease: it is alive and answering.
            await c.ExecuteAsync("""
                INSERT INTO sms_inbound (message_sid, conversation_id, from_phone, to_phone, received_at_utc, handling_until_utc) VALUES (@sid, @conversationId, @from, @to, @now, @until)
                """, new { sid, conversationId, from = TwilioSmsTests.Ava, to = TwilioSmsTests.Mission, now = DateTime.UtcNow, until = DateTime.UtcNow.AddSeconds(30) });
            await TestLeases.SetAsync(c, conversationId, "live-instance", DateTime.UtcNow.AddSeconds(30));
        }
        var retry = await twilio.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "Is there parking?", messageSid: sid);
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(string.IsNullOrEmpty(retry.Message));
        Assert.Empty(await host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None));
    }
}

public sealed class SqliteSmsFaultTests : SmsFaultTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresSmsFaultTests : SmsFaultTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
