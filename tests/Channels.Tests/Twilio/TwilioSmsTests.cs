using System.Net;
using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Waitlist;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>Whole SMS conversations through the real host, with outbound texts received by a fake Twilio REST server.</summary>
public sealed class TwilioSmsTests
{
    internal const string Ava = "+14155551111";
    internal const string Ben = "+14155552222";
    internal const string Mission = "+14155550100";

    [Fact]
    public async Task A_text_is_answered_by_the_agent_inline_with_TwiML()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "Is there parking?");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("parking", page.Message, StringComparison.OrdinalIgnoreCase);
        var id = SmsConversations.ConversationIdFor(Ava, Mission);
        var conversation = await host.Get<ConversationStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal("sms", conversation!.Channel);
        Assert.Equal(Ava, conversation.CallerPhone);
        Assert.Equal("mission", conversation.LocationId);
    }

    [Fact]
    public async Task The_same_MessageSid_delivered_twice_gets_the_stored_answer_again_and_the_agent_runs_once()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var first = await twilio.TextAsync(Ava, Mission, "Is there parking?", messageSid: "SM0000000000000000000000000000dup1");
        // Twilio retries only when the first answer did not reach it: the stored answer is replayed, not recomputed.
        var again = await twilio.TextAsync(Ava, Mission, "Is there parking?", messageSid: "SM0000000000000000000000000000dup1");

        Assert.NotNull(first.Message);
        Assert.Equal(first.Message, again.Message);
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(SmsConversations.ConversationIdFor(Ava, Mission), CancellationToken.None);
        Assert.Equal(2, transcript.Count);
    }

    [Fact]
    public async Task STOP_silences_every_text_until_START()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings(rest.BaseAddress));
        var twilio = new TwilioSimulator(host.CreateClient());
        var outbox = host.Get<OutboxWriter>();
        var sender = host.Get<OutboxSender>();

        var stopped = await twilio.TextAsync(Ava, Mission, "Stop");
        Assert.Contains("START", stopped.Message, StringComparison.Ordinal);
        Assert.NotNull((await host.Get<ClientDirectory>().FindByPhoneAsync(Ava, CancellationToken.None))!.OptedOutAtUtc);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));

        // Nothing reaches the number: not a queued confirmation, not a reply to a new question.
        var blocked = await outbox.EnqueueAsync(MessageKind.Confirmation, Ava, "You're booked", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await sender.DrainOnceAsync(CancellationToken.None);
        var ignored = await twilio.TextAsync(Ava, Mission, "Is there parking?");
        Assert.Equal("<Response />", ignored.Body);
        Assert.Equal("<Response />", (await twilio.TextAsync(Ava, Mission, "HELP")).Body);
        Assert.Empty(rest.Requests);
        Assert.Equal(OutboxStatus.Suppressed, await StatusAsync(host, blocked.Id));

        var started = await twilio.TextAsync(Ava, Mission, "START");
        Assert.Contains("subscribed again", started.Message, StringComparison.Ordinal);
        var allowed = await outbox.EnqueueAsync(MessageKind.Confirmation, Ava, "You're booked again", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await sender.DrainOnceAsync(CancellationToken.None);
        var sent = Assert.Single(rest.Requests);
        Assert.Equal("You're booked again", sent.Body);
        Assert.Equal(OutboxStatus.Sent, await StatusAsync(host, allowed.Id));

        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        var audit = await AuditLog.QueryAsync(c, "client", "c-ava", DateTime.MinValue, DateTime.MaxValue, 50, CancellationToken.None);
        Assert.True(audit.Count(a => a.Action.Contains("opt", StringComparison.OrdinalIgnoreCase)) >= 2, string.Join(", ", audit.Select(a => a.Action)));
    }

    [Fact]
    public async Task CANCEL_opts_out_as_the_carrier_does_and_says_how_to_cancel_an_appointment_instead()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "Cancel");

        Assert.Contains("unsubscribed", page.Message, StringComparison.Ordinal);
        // The number is written the way people there write it, not in E.164.
        Assert.Contains("To cancel an appointment, call us at (415) 555-0100", page.Message, StringComparison.Ordinal);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
    }

    [Fact]
    public async Task ALTO_opts_out_in_spanish_and_COMENZAR_opts_back_in_in_spanish()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings(rest.BaseAddress));
        var twilio = new TwilioSimulator(host.CreateClient());

        var stopped = await twilio.TextAsync(Ava, Mission, "ALTO");
        Assert.Contains("COMENZAR", stopped.Message, StringComparison.Ordinal);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
        // Twilio does not block Spanish keywords by itself: the app's own opt-out keeps every text from the number.
        var blocked = await host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Confirmation, Ava, "Su cita está confirmada", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Empty(rest.Requests);
        Assert.Equal(OutboxStatus.Suppressed, await StatusAsync(host, blocked.Id));
        Assert.Equal("<Response />", (await twilio.TextAsync(Ava, Mission, "¿tienen citas mañana?")).Body);

        var started = await twilio.TextAsync(Ava, Mission, "comenzar");
        Assert.Contains("ALTO", started.Message, StringComparison.Ordinal);
        Assert.False(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
    }

    [Fact]
    public async Task STOP_in_a_spanish_conversation_is_confirmed_in_spanish_and_AYUDA_is_answered_in_spanish()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        await twilio.TextAsync(Ben, Mission, "hola, ¿tienen estacionamiento cerca de la clínica?");

        var help = await twilio.TextAsync(Ben, Mission, "AYUDA");
        Assert.Contains("ALTO", help.Message, StringComparison.Ordinal);
        var stopped = await twilio.TextAsync(Ben, Mission, "STOP");
        Assert.Contains("COMENZAR", stopped.Message, StringComparison.Ordinal);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ben, CancellationToken.None));
    }

    [Fact]
    public async Task No_me_manden_mas_mensajes_opts_out_like_STOP()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "no me manden más mensajes por favor");
        Assert.Contains("COMENZAR", page.Message, StringComparison.Ordinal);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
    }

    [Fact]
    public async Task HELP_is_answered_with_the_help_text()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "help");
        Assert.Contains("STOP", page.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YES_to_a_waitlist_offer_books_the_held_slot()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var offer = await OfferAvaAFreedSlotAsync(host);

        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "Yes!");

        Assert.Contains("booked", page.Message, StringComparison.OrdinalIgnoreCase);
        var appointment = await host.Get<AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None);
        Assert.Equal(AppointmentStatus.Booked, appointment!.Status);
        Assert.Equal("c-ava", appointment.ClientId);
        Assert.Null(await host.Get<WaitlistBook>().FindPendingOfferAsync("c-ava", CancellationToken.None));
    }

    [Fact]
    public async Task X_cancels_the_reminded_appointment_and_C_confirms_it()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var later = await BookAsync(host, "c-ben", new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc));
        await RemindAsync(host, "c-ben", Ben, later);

        var confirmed = await twilio.TextAsync(Ben, Mission, "c");
        Assert.Contains("confirmed", confirmed.Message, StringComparison.Ordinal);
        var cancelled = await twilio.TextAsync(Ben, Mission, "X");
        Assert.Contains("cancelled", cancelled.Message, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await host.Get<AppointmentBook>().GetAsync(later.Id, CancellationToken.None))!.Status);

        var nothing = await twilio.TextAsync("+14155550123", Mission, "X");
        // A number with no reminder waiting: "X" is an ordinary message for the assistant, and nothing is cancelled.
        Assert.DoesNotContain("cancelled", nothing.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task X_inside_the_cancellation_window_is_passed_to_staff_not_cancelled()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var soon = await BookAsync(host, "c-ben", new DateTime(2026, 11, 23, 22, 0, 0, DateTimeKind.Utc));
        await RemindAsync(host, "c-ben", Ben, soon);
        var page = await new TwilioSimulator(host.CreateClient()).TextAsync(Ben, Mission, "X");
        Assert.Contains("cancellation window", page.Message, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await host.Get<AppointmentBook>().GetAsync(soon.Id, CancellationToken.None))!.Status);
        var escalation = Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None));
        Assert.Equal("sms", escalation.Channel);
    }

    [Fact]
    public async Task A_retry_while_the_first_answer_is_still_coming_gets_it_by_REST_once()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var id = SmsConversations.ConversationIdFor(Ava, Mission);
        await twilio.TextAsync(Ava, Mission, "hello");
        // Another instance holds the turn for a second, so the first delivery is still waiting when Twilio retries.
        Assert.True(await host.Get<ConversationStore>().TryAcquireLeaseAsync(id, "other-instance", TimeSpan.FromSeconds(1), TimeSpan.Zero, CancellationToken.None));
        const string sid = "SMretry0000000000000000000000000001";

        var firstDelivery = twilio.TextAsync(Ava, Mission, "Is there parking?", messageSid: sid);
        for (var i = 0; i < 200 && await AnsweredViaAsync(host, sid) is null && !await ArrivedAsync(host, sid); i++)
        {
            await Task.Delay(10);
        }
        var retry = await twilio.TextAsync(Ava, Mission, "Is there parking?", messageSid: sid);
        var first = await firstDelivery;

        Assert.Equal("<Response />", retry.Body);
        Assert.Equal("<Response />", first.Body); // the request Twilio gave up on does not carry the answer
        var reply = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.Reply);
        Assert.Equal(sid, reply.RelatedId);
        Assert.Contains("parking", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("outbox", await AnsweredViaAsync(host, sid));
        var transcript = await host.Get<ConversationStore>().TranscriptAsync(id, CancellationToken.None);
        Assert.Single(transcript, t => t.Role == "client" && t.Text == "Is there parking?");
    }

    private static async Task<bool> ArrivedAsync(FrontDeskHost host, string sid)
    {
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sms_inbound WHERE message_sid = @sid", new { sid }) == 1;
    }

    private static async Task<string?> AnsweredViaAsync(FrontDeskHost host, string sid)
    {
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<string?>("SELECT answered_via FROM sms_inbound WHERE message_sid = @sid", new { sid });
    }

    [Fact]
    public async Task A_reply_slower_than_the_budget_goes_out_later_through_the_outbox()
    {
        // A budget shorter than any real turn: the webhook answers at once and the reply follows by REST.
        var settings = TwilioSimulator.Settings();
        settings["FrontDesk:Sms:ReplyBudgetMs"] = "100";
        await using var host = FrontDeskHost.Create(settings: settings);
        var twilio = new TwilioSimulator(host.CreateClient());
        // Hold the conversation's turn lease as another instance would, so the agent must wait for it.
        var id = SmsConversations.ConversationIdFor(Ava, Mission);
        await twilio.TextAsync(Ava, Mission, "hello");
        var store = host.Get<ConversationStore>();
        Assert.True(await store.TryAcquireLeaseAsync(id, "other-instance", TimeSpan.FromSeconds(1), TimeSpan.Zero, CancellationToken.None));

        var page = await twilio.TextAsync(Ava, Mission, "Is there parking?", messageSid: "SMlater0000000000000000000000000001");
        Assert.Equal("<Response />", page.Body);
        OutboxMessage? reply = null;
        for (var i = 0; i < 100 && reply is null; i++)
        {
            await Task.Delay(100);
            reply = (await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None)).FirstOrDefault(m => m.Kind == MessageKind.Reply);
        }
        Assert.NotNull(reply);
        Assert.Contains("parking", reply.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Ava, reply.ToAddress);
        Assert.Equal("SMlater0000000000000000000000000001", reply.RelatedId);
    }

    internal static async Task<string?> StatusAsync(FrontDeskHost host, string id)
    {
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<string>("SELECT status FROM outbox WHERE id = @id", new { id });
    }

    /// <summary>A hydrafacial booked for a client at the Mission location with Priya.</summary>
    [Fact]
    public async Task A_lone_X_with_no_reminder_waiting_cancels_nothing()
    {
        await using var host = FrontDeskHost.Create(settings: TwilioSimulator.Settings());
        var twilio = new TwilioSimulator(host.CreateClient());
        var booked = await BookAsync(host, "c-ben", new DateTime(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc));

        await twilio.TextAsync(Ben, Mission, "X");
        Assert.Equal(AppointmentStatus.Booked, (await host.Get<AppointmentBook>().GetAsync(booked.Id, CancellationToken.None))!.Status);

        // A reminder for another appointment, since cancelled, does not make X cancel this one either.
        var other = await BookAsync(host, "c-ben", new DateTime(2026, 11, 28, 18, 0, 0, DateTimeKind.Utc));
        await RemindAsync(host, "c-ben", Ben, other);
        await host.Get<AppointmentBook>().ChangeStatusAsync(other.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, Actor.System("test"), null, CancellationToken.None);
        await twilio.TextAsync(Ben, Mission, "x");
        Assert.Equal(AppointmentStatus.Booked, (await host.Get<AppointmentBook>().GetAsync(booked.Id, CancellationToken.None))!.Status);
    }

    /// <summary>The day-before reminder for <paramref name="appointment"/>, queued as the reminder schedule queues it.</summary>
    internal static Task RemindAsync(FrontDeskHost host, string clientId, string phone, Appointment appointment) =>
        host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Reminder, phone, "Reminder. Reply C to confirm or X to cancel.", clientId, appointment.LocationId, appointment.Id, null,
            Actor.System("reminders"), CancellationToken.None);

    internal static async Task<Appointment> BookAsync(FrontDeskHost host, string clientId, DateTime startsAtUtc)
    {
        var now = host.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            Id = NewId.For("apt"), ClientId = clientId, ServiceId = "hydrafacial", StaffId = "priya", LocationId = "mission", RoomId = "mission-facial-1",
            StartsAtUtc = startsAtUtc, EndsAtUtc = startsAtUtc.AddMinutes(45), BlockedUntilUtc = startsAtUtc.AddMinutes(60), Status = AppointmentStatus.Booked,
            Channel = "test", CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var (outcome, booked) = await host.Get<AppointmentBook>().InsertAsync(appointment, Actor.System("test"), CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
        return booked!;
    }

    /// <summary>Ava waits for a hydrafacial; Ben cancels his; the freed slot is held for Ava and offered by text.</summary>
    internal static async Task<WaitlistOffer> OfferAvaAFreedSlotAsync(FrontDeskHost host, string? alsoWaiting = null)
    {
        var waitlist = host.Get<WaitlistBook>();
        var day = new DateOnly(2026, 11, 25);
        await waitlist.JoinAsync("c-ava", "hydrafacial", day, day, "any", null, null, "sms", null, Actor.System("test"), CancellationToken.None);
        if (alsoWaiting is not null)
        {
            await waitlist.JoinAsync(alsoWaiting, "hydrafacial", day, day, "any", null, null, "sms", null, Actor.System("test"), CancellationToken.None);
        }
        var bens = await BookAsync(host, "c-ben", new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc));
        Assert.True(await host.Get<AppointmentBook>().ChangeStatusAsync(bens.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, Actor.System("test"), null, CancellationToken.None));
        var offer = await waitlist.OfferFreedSlotAsync(bens, CancellationToken.None);
        Assert.NotNull(offer);
        Assert.Equal("c-ava", offer.ClientId);
        return offer;
    }
}
