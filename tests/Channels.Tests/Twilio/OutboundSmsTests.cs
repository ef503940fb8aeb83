using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.DependencyInjection;
using static FrontDesk.Channels.Tests.Twilio.TwilioSmsTests;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>The outbox sender and schedule against a fake Twilio REST server on loopback.</summary>
public sealed class OutboundSmsTests
{
    // Monday 23 November 2026, 10:00 in San Francisco.
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    private static FrontDeskHost Host(FakeTwilioRestServer? rest, TestClock clock, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = TwilioSimulator.Settings(rest?.BaseAddress);
        configure?.Invoke(settings);
        return FrontDeskHost.Create(now: clock.GetUtcNow(), settings: settings, services: s => s.AddSingleton<TimeProvider>(clock));
    }

    private static Task<OutboxMessage> EnqueueAsync(FrontDeskHost host, string kind, string to, string body, string? clientId = "c-ava", string? relatedId = null) =>
        host.Get<OutboxWriter>().EnqueueAsync(kind, to, body, clientId, "mission", relatedId, null, Actor.System("test"), CancellationToken.None);

    private static async Task<OutboxMessage> ReadAsync(FrontDeskHost host, string id) =>
        Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 1000, CancellationToken.None), m => m.Id == id);

    [Fact]
    public async Task A_queued_text_goes_to_Twilio_from_the_locations_number_and_its_delivery_is_recorded()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var message = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "You're booked for a HydraFacial.");

        Assert.Equal(1, await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None));

        var sent = Assert.Single(rest.Requests);
        Assert.Equal(Ava, sent.To);
        Assert.Equal(Mission, sent.From);
        Assert.Equal(TwilioSimulator.AccountSid, sent.Account);
        Assert.StartsWith("Basic ", sent.Authorization, StringComparison.Ordinal);
        Assert.Equal(TwilioSimulator.PublicBaseUrl + "/twilio/sms/status", sent.StatusCallback);
        var stored = await ReadAsync(host, message.Id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal(sent.Sid, stored.ProviderMessageId);

        var callback = await new TwilioSimulator(host.CreateClient()).MessageStatusAsync(sent.Sid!, "delivered");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, callback.Status);
        Assert.Equal(OutboxStatus.Delivered, (await ReadAsync(host, message.Id)).Status);
    }

    [Fact]
    public async Task A_500_from_Twilio_is_retried_after_a_backoff_and_then_sent_once()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var sender = host.Get<OutboxSender>();
        rest.FailNext(1);
        var message = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "Confirmed.");

        await sender.DrainOnceAsync(CancellationToken.None);
        var waiting = await ReadAsync(host, message.Id);
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.True(waiting.NextAttemptAtUtc > clock.GetUtcNow().UtcDateTime);
        Assert.Equal(0, await sender.DrainOnceAsync(CancellationToken.None)); // not due yet: backoff

        clock.Advance(TimeSpan.FromMinutes(5));
        await sender.DrainOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Sent, (await ReadAsync(host, message.Id)).Status);
        Assert.Equal([500, 201], rest.Requests.Select(r => r.Answer));
    }

    [Fact]
    public async Task Error_21610_marks_the_number_opted_out_and_nothing_more_is_sent_to_it()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        rest.OptedOut[Ava] = true;
        var first = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "First.");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Suppressed, (await ReadAsync(host, first.Id)).Status);
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
        Assert.NotNull((await host.Get<ClientDirectory>().FindByPhoneAsync(Ava, CancellationToken.None))!.OptedOutAtUtc);

        var second = await EnqueueAsync(host, MessageKind.Reply, Ava, "Second.");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Single(rest.Requests);
        Assert.Equal(OutboxStatus.Suppressed, (await ReadAsync(host, second.Id)).Status);
    }

    [Fact]
    public async Task Quiet_hours_defer_reminders_to_the_morning_but_let_codes_and_replies_through()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        // Monday 23 November 2026, 22:30 in San Francisco.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 24, 6, 30, 0, TimeSpan.Zero));
        await using var host = Host(rest, clock);
        var reminder = await EnqueueAsync(host, MessageKind.Reminder, Ava, "Reminder.");
        var code = await EnqueueAsync(host, MessageKind.VerificationCode, Ava, "Your code is 123456.");
        var reply = await EnqueueAsync(host, MessageKind.Reply, Ava, "Here's your answer.");

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        Assert.Equal(["Your code is 123456.", "Here's your answer."], rest.Requests.Select(r => r.Body).Order().Reverse());
        var deferred = await ReadAsync(host, reminder.Id);
        Assert.Equal(OutboxStatus.Queued, deferred.Status);
        Assert.Equal(0, deferred.Attempts);
        // 08:00 Tuesday in San Francisco.
        Assert.Equal(new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc), deferred.NextAttemptAtUtc);
        Assert.Equal(OutboxStatus.Sent, (await ReadAsync(host, code.Id)).Status);
        Assert.Equal(OutboxStatus.Sent, (await ReadAsync(host, reply.Id)).Status);

        clock.Set(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Sent, (await ReadAsync(host, reminder.Id)).Status);
    }

    [Fact]
    public async Task A_client_without_SMS_consent_gets_no_reminder()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var client = await host.Get<ClientDirectory>().GetOrCreateByPhoneAsync("+14155556666", "Noah Park", null, Actor.System("test"), null, CancellationToken.None);
        var reminder = await EnqueueAsync(host, MessageKind.Reminder, "+14155556666", "Reminder.", client.Id);
        var reply = await EnqueueAsync(host, MessageKind.Reply, "+14155556666", "An answer to a question they texted.", client.Id);

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Suppressed, (await ReadAsync(host, reminder.Id)).Status);
        Assert.Equal("no_consent", (await ReadAsync(host, reminder.Id)).LastError);
        Assert.Equal("An answer to a question they texted.", Assert.Single(rest.Requests).Body);
    }

    [Fact]
    public async Task A_message_awaiting_approval_waits_until_staff_approve_it_and_a_rejected_one_is_never_sent()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock, s => s["FrontDesk:Outbox:RequireApproval:0"] = MessageKind.Confirmation);
        var approved = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "Drafted by the AI.");
        var rejected = await EnqueueAsync(host, MessageKind.Confirmation, Ben, "Drafted badly.", "c-ben");
        Assert.Equal(OutboxStatus.PendingApproval, approved.Status);

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Empty(rest.Requests);

        // Through the staff API, as the console does.
        var accounts = host.Get<StaffAccounts>();
        var (error, maria) = await accounts.CreateAsync("maria@spa.test", "Maria Lopez", StaffRole.FrontDesk, "correct horse battery", Actor.System("test"), CancellationToken.None);
        Assert.Equal(AccountError.None, error);
        using var staff = host.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", (await accounts.IssueApiKeyAsync(maria!.Id, "tests", Actor.System("test"), CancellationToken.None)).Key);
        using (var approve = await staff.PostAsync(new Uri($"/api/staff/outbox/{approved.Id}/approve", UriKind.Relative), null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, approve.StatusCode);
        }
        using (var reject = await staff.PostAsync(new Uri($"/api/staff/outbox/{rejected.Id}/reject", UriKind.Relative), null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, reject.StatusCode);
        }

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        var sent = Assert.Single(rest.Requests);
        Assert.Equal(("Drafted by the AI.", Ava), (sent.Body, sent.To));
        var stored = await ReadAsync(host, approved.Id);
        Assert.Equal((OutboxStatus.Sent, "maria@spa.test"), (stored.Status, stored.DecidedBy));
        Assert.Equal(OutboxStatus.Rejected, (await ReadAsync(host, rejected.Id)).Status);
    }

    [Fact]
    public async Task Without_Twilio_configured_the_outbox_fills_and_nothing_is_lost()
    {
        var clock = new TestClock(Morning);
        await using var host = Host(null, clock);
        var message = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "Kept.");

        Assert.False(host.Get<OutboxSender>().IsConfigured);
        Assert.Equal(0, await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None));
        var stored = await ReadAsync(host, message.Id);
        Assert.Equal(OutboxStatus.Queued, stored.Status);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task The_background_sender_delivers_a_missed_call_text_back_on_its_own()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock, s => s["FrontDesk:Sms:SenderPollMs"] = "50");
        await new TwilioSimulator(host.CreateClient()).Call("+14155557002", Mission).EndsAsync("busy");

        for (var i = 0; i < 200 && rest.Requests.IsEmpty; i++)
        {
            await Task.Delay(50);
        }
        var sent = Assert.Single(rest.Requests);
        Assert.Equal("+14155557002", sent.To);
        Assert.Contains("missed your call", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_before_reminder_is_queued_once_per_appointment_and_not_sent_once_cancelled()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var tomorrow = await BookAsync(host, "c-ben", new DateTime(2026, 11, 24, 19, 0, 0, DateTimeKind.Utc));
        var cancelledLater = await BookAsync(host, "c-ava", new DateTime(2026, 11, 24, 21, 0, 0, DateTimeKind.Utc));
        await BookAsync(host, "c-ava", new DateTime(2026, 11, 26, 19, 0, 0, DateTimeKind.Utc)); // not tomorrow
        var schedule = host.Get<OutboundSchedule>();

        Assert.Equal((2, 0), await schedule.RunOnceAsync(CancellationToken.None));
        Assert.Equal((0, 0), await schedule.RunOnceAsync(CancellationToken.None));

        await host.Get<AppointmentBook>().ChangeStatusAsync(cancelledLater.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, Actor.System("test"), null, CancellationToken.None);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        var sent = Assert.Single(rest.Requests);
        Assert.Equal(Ben, sent.To);
        Assert.Contains("Reply C to confirm or X to cancel", sent.Body, StringComparison.Ordinal);
        var reminders = (await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None)).Where(m => m.Kind == MessageKind.Reminder).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.RelatedId == tomorrow.Id && r.Status == OutboxStatus.Sent);
        Assert.Contains(reminders, r => r.RelatedId == cancelledLater.Id && r.Status == OutboxStatus.Suppressed);
    }

    [Fact]
    public async Task An_unanswered_waitlist_offer_expires_and_moves_to_the_next_person_who_can_say_YES()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var first = await OfferAvaAFreedSlotAsync(host, alsoWaiting: "c-chloe");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Contains("Reply YES within", Assert.Single(rest.Requests).Body, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(host.Get<FrontDesk.Tools.Profile.SpaProfile>().Policies.WaitlistOfferMinutes + 1));
        var (_, expired) = await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, expired);
        var next = await host.Get<WaitlistBook>().FindPendingOfferAsync("c-chloe", CancellationToken.None);
        Assert.NotNull(next);
        Assert.Equal(first.AppointmentId, next.AppointmentId);

        var late = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "YES");
        Assert.DoesNotContain("it's booked", late.Message ?? "", StringComparison.OrdinalIgnoreCase);
        var chloe = await new TwilioSimulator(host.CreateClient()).TextAsync("+14155553333", Mission, "yes");
        Assert.Contains("booked", chloe.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("c-chloe", (await host.Get<AppointmentBook>().GetAsync(first.AppointmentId, CancellationToken.None))!.ClientId);
    }

    [Fact]
    public async Task A_waitlist_offer_made_in_quiet_hours_goes_at_8_and_gives_the_client_the_whole_window_from_then()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        // Monday 23 November 2026, 22:30 in San Francisco.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 24, 6, 30, 0, TimeSpan.Zero));
        await using var host = Host(rest, clock);
        var offer = await OfferAvaAFreedSlotAsync(host, alsoWaiting: "c-chloe");
        var schedule = host.Get<OutboundSchedule>();
        var minutes = host.Get<FrontDesk.Tools.Profile.SpaProfile>().Policies.WaitlistOfferMinutes;

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Empty(rest.Requests);
        clock.Set(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)); // 08:00 Tuesday, hours past the offer's first deadline
        Assert.Equal(0, (await schedule.RunOnceAsync(CancellationToken.None)).ExpiredOffers);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        var text = Assert.Single(rest.Accepted);
        Assert.Equal(Ava, text.To);
        Assert.Contains($"Reply YES within {minutes} minutes", text.Body, StringComparison.Ordinal);
        var started = await host.Get<WaitlistBook>().GetOfferAsync(offer.Id, CancellationToken.None);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(minutes), started!.ExpiresAtUtc);
        Assert.Equal(started.ExpiresAtUtc, (await host.Get<AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None))!.HoldExpiresAtUtc);

        clock.Advance(TimeSpan.FromMinutes(minutes - 1));
        Assert.Equal(0, (await schedule.RunOnceAsync(CancellationToken.None)).ExpiredOffers);
        var yes = await new TwilioSimulator(host.CreateClient()).TextAsync(Ava, Mission, "YES");
        Assert.Contains("booked", yes.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AppointmentStatus.Booked, (await host.Get<AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_waitlist_offer_that_lapsed_before_its_text_went_is_never_sent()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var offer = await OfferAvaAFreedSlotAsync(host, alsoWaiting: "c-chloe");

        clock.Advance(TimeSpan.FromMinutes(host.Get<FrontDesk.Tools.Profile.SpaProfile>().Policies.WaitlistOfferMinutes + 1));
        Assert.Equal(1, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).ExpiredOffers);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        Assert.Equal("+14155553333", Assert.Single(rest.Requests).To);
        var stale = Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.RelatedId == offer.Id);
        Assert.Equal((OutboxStatus.Suppressed, "offer_not_pending"), (stale.Status, stale.LastError));
    }

    [Theory]
    [InlineData("delivered", null, OutboxStatus.Delivered)]
    [InlineData("undelivered", "30003", OutboxStatus.Failed)]
    [InlineData("failed", "30008", OutboxStatus.Failed)]
    public async Task A_late_sent_or_queued_callback_never_regresses_a_final_status(string final, string? errorCode, string expected)
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var message = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "Booked.");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        var sid = Assert.Single(rest.Accepted).Sid!;
        var twilio = new TwilioSimulator(host.CreateClient());

        await twilio.MessageStatusAsync(sid, final, errorCode);
        await twilio.MessageStatusAsync(sid, "sent");
        await twilio.MessageStatusAsync(sid, "queued");

        var stored = await ReadAsync(host, message.Id);
        Assert.Equal(expected, stored.Status);
        if (errorCode is not null)
        {
            Assert.Contains(errorCode, stored.LastError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Error_21610_in_a_delivery_callback_opts_the_number_out_and_nothing_more_is_sent_to_it()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var first = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "First.");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        var sid = Assert.Single(rest.Accepted).Sid!;

        var callback = await new TwilioSimulator(host.CreateClient()).MessageStatusAsync(sid, "undelivered", "21610");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, callback.Status);

        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));
        Assert.NotNull((await host.Get<ClientDirectory>().FindByPhoneAsync(Ava, CancellationToken.None))!.OptedOutAtUtc);
        Assert.Equal(OutboxStatus.Failed, (await ReadAsync(host, first.Id)).Status);
        var second = await EnqueueAsync(host, MessageKind.Reply, Ava, "Second.");
        var reminder = await EnqueueAsync(host, MessageKind.Reminder, Ava, "Reminder.");
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Single(rest.Requests);
        Assert.Equal(OutboxStatus.Suppressed, (await ReadAsync(host, second.Id)).Status);
        Assert.Equal(OutboxStatus.Suppressed, (await ReadAsync(host, reminder.Id)).Status);
    }

    [Fact]
    public async Task A_2xx_answer_without_a_sid_marks_the_message_sent_without_an_empty_provider_id()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        rest.OmitSid = true;
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var message = await EnqueueAsync(host, MessageKind.Confirmation, Ava, "Booked.");
        var other = await EnqueueAsync(host, MessageKind.Confirmation, Ben, "Booked too.", "c-ben");

        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        Assert.Equal(2, rest.Requests.Count); // accepted once each: never sent again
        foreach (var id in new[] { message.Id, other.Id })
        {
            var stored = await ReadAsync(host, id);
            Assert.Equal(OutboxStatus.Sent, stored.Status);
            Assert.Null(stored.ProviderMessageId);
        }
        // A callback with an empty MessageSid matches nothing.
        await new TwilioSimulator(host.CreateClient()).PostAsync("/twilio/sms/status", [("MessageSid", ""), ("MessageStatus", "failed")]);
        Assert.Equal(OutboxStatus.Sent, (await ReadAsync(host, message.Id)).Status);
    }
}
