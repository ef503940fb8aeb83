using System.Net;
using System.Net.Http.Json;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.TestSupport;
using Microsoft.Extensions.Hosting;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>
/// The fault suite (issue 15): two real hosts on one database. An instance dies between the writes of a booking text
/// (kill -9 modelled by a fault point that throws out of the turn, then the rows a dead instance leaves: its handling
/// grace and lease lapsed), Twilio delivers the text again to the other instance, and the person texts on; many texts,
/// keywords and staff replies arrive at once on both instances. Nothing lost, nothing done twice, nothing half-done, no 500
/// from a live instance.
/// </summary>
public abstract class FaultSuiteTests
{
    private const string StaffKey = "fault-suite-bootstrap-manager-key-0123";

    protected abstract TestStore Store { get; }

    private static Dictionary<string, string?> Settings() => new(TwilioSimulator.Settings())
    {
        ["FrontDesk:Staff:BootstrapApiKey"] = StaffKey,
        ["FrontDesk:Agent:TurnWaitSeconds"] = "20",
    };

    [StoreFact]
    public async Task A_booking_text_whose_instance_died_after_the_booking_is_finished_once_by_Twilios_retry_to_the_other_instance()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        var twilioOne = new TwilioSimulator(one.CreateClient());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        Assert.Equal(HttpStatusCode.OK, (await twilioOne.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hydrafacial wednesday pls")).Status);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "the first one")).Status);

        // Instance one dies right after the booking commits, inside the "yes" turn: it stops, and the turn's every later
        // write (which takes the stopping token) never reaches the store, as when the process is killed.
        DieAt(one, FaultPoints.BookingCommitted);
        var sid = twilioOne.NewSid("SM");
        try
        {
            var died = await twilioOne.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);
            Assert.DoesNotContain("all set", died.Message ?? "", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The dying instance may not answer at all.
        }
        await LeaveAsDeadAsync(two, sid, conversationId);

        // Twilio delivers it again, to the other instance.
        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(retry.Message?.Contains("all set", StringComparison.OrdinalIgnoreCase) == true,
            $"retry: '{retry.Message}'; " + string.Join(" | ", (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Select(t => $"{t.Role}: {t.Text}")));
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var booked = (await c.QueryAsync<string>("SELECT id FROM appointments WHERE conversation_id = @conversationId AND status = 'booked'", new { conversationId })).ToList();
        Assert.Single(booked);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND related_id = @id",
            new { kind = MessageKind.Confirmation, id = booked[0] }));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "yes");

        // Delivered once more, the stored answer is given again; the person's "thanks" books nothing more.
        var third = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);
        Assert.Equal(retry.Message, third.Message);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "thanks!")).Status);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments WHERE conversation_id = @conversationId AND status = 'booked'", new { conversationId }));
    }

    [StoreFact]
    public async Task A_move_by_text_whose_instance_died_after_the_move_is_finished_once_by_Twilios_retry_to_the_other_instance()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        var twilioOne = new TwilioSimulator(one.CreateClient());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        foreach (var text in new[] { "hydrafacial wednesday pls", "the first one", "yes", "actually can i move it to friday?", "the first one" })
        {
            Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, text)).Status);
        }
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var appointmentId = await c.ExecuteScalarAsync<string>("SELECT id FROM appointments WHERE conversation_id = @conversationId AND status = 'booked'", new { conversationId });
        var wednesday = await c.ExecuteScalarAsync<DateTime>("SELECT starts_at_utc FROM appointments WHERE id = @appointmentId", new { appointmentId });

        // Instance one dies right after the move commits, inside the "yes" turn.
        DieAt(one, FaultPoints.RescheduleCommitted);
        var sid = twilioOne.NewSid("SM");
        await SendToDyingAsync(twilioOne, "yes", sid);
        await LeaveAsDeadAsync(two, sid, conversationId);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(retry.Message?.Contains("Friday", StringComparison.OrdinalIgnoreCase) == true, $"retry: '{retry.Message}'");
        Assert.NotEqual(wednesday, await c.ExecuteScalarAsync<DateTime>("SELECT starts_at_utc FROM appointments WHERE id = @appointmentId", new { appointmentId }));
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.reschedule' AND entity_id = @appointmentId", new { appointmentId }));
        // The booking's confirmation and the move's, each queued once.
        Assert.Equal(2, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND related_id = @appointmentId",
            new { kind = MessageKind.Confirmation, appointmentId }));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal(2, transcript.Count(t => t.Role == TurnRole.Client && t.Text == "yes"));
    }

    [StoreFact]
    public async Task A_booking_text_whose_instance_died_as_its_turn_was_being_stored_is_finished_once_by_Twilios_retry_to_the_other_instance()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        var twilioOne = new TwilioSimulator(one.CreateClient());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hydrafacial wednesday pls")).Status);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "the first one")).Status);
        var before = (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count;

        // Instance one books, queues the confirmation and builds its answer, and dies before the turn is stored.
        DieAt(one, FaultPoints.TurnStoring);
        var sid = twilioOne.NewSid("SM");
        await SendToDyingAsync(twilioOne, "yes", sid);
        await LeaveAsDeadAsync(two, sid, conversationId);
        Assert.Equal(before, (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.True(retry.Message?.Contains("all set", StringComparison.OrdinalIgnoreCase) == true, $"retry: '{retry.Message}'");
        await using var c = await two.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var booked = (await c.QueryAsync<string>("SELECT id FROM appointments WHERE conversation_id = @conversationId AND status = 'booked'", new { conversationId })).ToList();
        Assert.Single(booked);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND related_id = @id",
            new { kind = MessageKind.Confirmation, id = booked[0] }));
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal(before + 2, transcript.Count);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "yes");
        // Delivered once more, the stored answer is given again and nothing runs twice.
        var third = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes", messageSid: sid);
        Assert.Equal(retry.Message, third.Message);
        Assert.Equal(before + 2, (await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None)).Count);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointments WHERE conversation_id = @conversationId AND status = 'booked'", new { conversationId }));
    }

    [StoreFact]
    public async Task A_text_whose_turn_committed_but_whose_answer_never_left_gets_that_answer_on_Twilios_retry()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        var twilioOne = new TwilioSimulator(one.CreateClient());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        Assert.Equal(HttpStatusCode.OK, (await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hydrafacial wednesday pls")).Status);

        // Instance one stores the turn and dies before its answer is recorded or sent.
        DieAt(one, FaultPoints.TurnCommitted);
        var sid = twilioOne.NewSid("SM");
        await SendToDyingAsync(twilioOne, "the first one", sid);
        await LeaveAsDeadAsync(two, sid, conversationId);
        var committed = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal("the first one", committed[^2].Text);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "the first one", messageSid: sid);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(committed[^1].Text, retry.Message);
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal(committed.Count, transcript.Count);
        // The person goes on from the committed turn: the read-back was asked, so "yes" books.
        var yes = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "yes");
        Assert.Contains("all set", yes.Message, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public async Task A_web_message_sent_again_with_its_request_id_gets_the_committed_answer_from_the_other_instance()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        using var visitorOne = one.CreateClient();
        using var visitorTwo = two.CreateClient();
        using var first = await visitorOne.PostAsJsonAsync("/api/chat", new { text = "hi do u have parking?? and r u open sunday", requestId = "m-1" });
        var answered = await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var session = answered.GetProperty("sessionId").GetString();

        // The answer never reached the visitor's browser; it sends the same message with the same id, to the other instance.
        using var again = await visitorTwo.PostAsJsonAsync("/api/chat", new { sessionId = session, text = "hi do u have parking?? and r u open sunday", requestId = "m-1" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(answered.GetProperty("reply").GetString(), repeated.GetProperty("reply").GetString());
        Assert.Equal(2, (await two.Get<ConversationStore>().TranscriptAsync(session!, CancellationToken.None)).Count);
        // A new message (a new id) is a new turn.
        using var next = await visitorTwo.PostAsJsonAsync("/api/chat", new { sessionId = session, text = "ok thx", requestId = "m-2" });
        Assert.Equal(4, (await two.Get<ConversationStore>().TranscriptAsync(session!, CancellationToken.None)).Count);
    }

    /// <summary>Makes <paramref name="host"/> die (stop, and the turn's later writes never reach the store) at <paramref name="point"/>.</summary>
    internal static void DieAt(FrontDeskHost host, string point)
    {
        var lifetime = host.Get<IHostApplicationLifetime>();
        host.Get<FaultPoints>().OnPoint = p =>
        {
            if (p == point)
            {
                lifetime.StopApplication();
                lifetime.ApplicationStopping.ThrowIfCancellationRequested();
            }
            return ValueTask.CompletedTask;
        };
    }

    internal static async Task SendToDyingAsync(TwilioSimulator twilio, string text, string sid, string from = TwilioSmsTests.Ava)
    {
        try
        {
            var died = await twilio.TextAsync(from, TwilioSmsTests.Mission, text, messageSid: sid);
            Assert.True(string.IsNullOrEmpty(died.Message), $"the dying instance answered '{died.Message}'");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The dying instance may not answer at all.
        }
    }

    [StoreFact]
    public async Task A_text_whose_instance_died_before_its_turn_is_answered_once_by_the_retry_and_the_person_carries_on()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var twilioTwo = new TwilioSimulator(two.CreateClient());
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        var sid = twilioTwo.NewSid("SM");
        // Instance one recorded the text and died before its turn began.
        await using (var c = await one.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("""
                INSERT INTO sms_inbound (message_sid, conversation_id, from_phone, to_phone, received_at_utc) VALUES (@sid, @conversationId, @from, @to, @now)
                """, new { sid, conversationId, from = TwilioSmsTests.Ava, to = TwilioSmsTests.Mission, now = DateTime.UtcNow });
        }
        await LeaveAsDeadAsync(one, sid, conversationId);

        var retry = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hydrafacial wednesday pls", messageSid: sid);
        var next = await twilioTwo.TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "the first one");

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.False(string.IsNullOrWhiteSpace(retry.Message));
        Assert.Contains("book", next.Message, StringComparison.OrdinalIgnoreCase);
        var transcript = await two.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == TurnRole.Client && t.Text == "hydrafacial wednesday pls");
    }

    [StoreFact]
    public async Task Texts_keywords_and_staff_replies_at_once_on_two_instances_are_each_recorded_once_and_none_fails()
    {
        await using var one = FrontDeskHost.Create(Store, settings: Settings());
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        TwilioSimulator[] twilio = [new(one.CreateClient()), new(two.CreateClient())];
        HttpClient[] staff = [one.CreateClient(), two.CreateClient()];
        foreach (var s in staff)
        {
            s.DefaultRequestHeaders.Add("X-Api-Key", StaffKey);
        }
        var conversationId = SmsConversations.ConversationIdFor(TwilioSmsTests.Ava, TwilioSmsTests.Mission);
        Assert.Equal(HttpStatusCode.OK, (await twilio[0].TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, "hi is there parking?")).Status);

        string[] said = ["what time do you close saturday", "HELP", "do u do gift cards", "is there parking??", "how much is a hydrafacial", "HELP",
            "can i bring my kid", "what's ur address", "cancellation policy?", "thx"];
        var texts = said.Select((text, i) => twilio[i % 2].TextAsync(TwilioSmsTests.Ava, TwilioSmsTests.Mission, text)).ToList();
        var replies = Enumerable.Range(0, 6).Select(i => staff[i % 2].PostAsJsonAsync($"/api/staff/conversations/{conversationId}/reply", new { text = $"Hi Ava, Jess here ({i})" })).ToList();
        var pages = await Task.WhenAll(texts);
        var staffAnswers = await Task.WhenAll(replies);

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.All(staffAnswers, r => Assert.True((int)r.StatusCode < 500, $"staff reply: {(int)r.StatusCode}"));
        Assert.All(staffAnswers, r => Assert.True(r.IsSuccessStatusCode, $"staff reply: {(int)r.StatusCode}"));
        // Every text is in the transcript exactly once (answered inline or later by REST, never lost); so is every staff reply.
        var transcript = await WaitForTranscriptAsync(one, conversationId, t => said.All(s => t.Count(x => x.Role == TurnRole.Client && x.Text == s) >= (s == "HELP" ? 2 : 1)));
        foreach (var text in said.Distinct())
        {
            Assert.Equal(said.Count(s => s == text), transcript.Count(t => t.Role == TurnRole.Client && t.Text == text));
        }
        for (var i = 0; i < 6; i++)
        {
            Assert.Single(transcript, t => t.Text == $"Hi Ava, Jess here ({i})");
        }
        Assert.Equal(transcript.Count, transcript.Select(t => t.Seq).Distinct().Count());
    }

    /// <summary>What a killed instance leaves: its handling grace over and the conversation's lease lapsed (time does this).</summary>
    internal static async Task LeaveAsDeadAsync(FrontDeskHost host, string sid, string conversationId)
    {
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("UPDATE sms_inbound SET handling_until_utc = @past, answered_via = NULL, answer_text = NULL WHERE message_sid = @sid",
            new { sid, past = DateTime.UtcNow.AddSeconds(-5) });
        await TestLeases.SetAsync(c, conversationId, "killed-instance", DateTime.UtcNow.AddSeconds(-1));
    }

    private static async Task<IReadOnlyList<TranscriptTurn>> WaitForTranscriptAsync(FrontDeskHost host, string conversationId, Func<IReadOnlyList<TranscriptTurn>, bool> done)
    {
        // Texts answered after Twilio's wait finish in the background; the transcript is checked once they are all in.
        for (var i = 0; ; i++)
        {
            var transcript = await host.Get<ConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
            if (done(transcript) || i == 300)
            {
                return transcript;
            }
            await Task.Delay(100);
        }
    }
}

public sealed class SqliteFaultSuiteTests : FaultSuiteTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresFaultSuiteTests : FaultSuiteTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
