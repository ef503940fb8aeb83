using Dapper;
using FrontDesk.Agent.Conversations;
using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.DependencyInjection;
using static FrontDesk.Channels.Tests.Twilio.TwilioSmsTests;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>The channel's SQL on every store: the same flows on SQLite and on PostgreSQL.</summary>
public abstract class TwilioStoreTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    protected abstract TestStore Store { get; }

    private const string Chloe = "+14155553333";

    private static async Task<OutboxMessage> OfferTextAsync(FrontDeskHost host, string offerId) =>
        Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 1000, CancellationToken.None), m => m.Kind == MessageKind.WaitlistOffer && m.RelatedId == offerId);

    private FrontDeskHost Host(FakeTwilioRestServer? rest, TestClock clock) =>
        FrontDeskHost.Create(Store, clock.GetUtcNow(), TwilioSimulator.Settings(rest?.BaseAddress), s => s.AddSingleton<TimeProvider>(clock));

    [StoreFact]
    public async Task Texts_opt_outs_dedupe_retries_21610_and_delivery_status_work_on_this_store()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var twilio = new TwilioSimulator(host.CreateClient());
        var sender = host.Get<OutboxSender>();

        var answer = (await twilio.TextAsync(Ava, Mission, "Is there parking?", "SMstore000000000000000000000000001")).Message;
        Assert.NotNull(answer);
        Assert.Equal(answer, (await twilio.TextAsync(Ava, Mission, "Is there parking?", "SMstore000000000000000000000000001")).Message);
        Assert.Equal(2, (await host.Get<ConversationStore>().TranscriptAsync(SmsConversations.ConversationIdFor(Ava, Mission), CancellationToken.None)).Count);

        rest.FailNext(1);
        var message = await host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Confirmation, Ava, "Booked.", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await sender.DrainOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await sender.DrainOnceAsync(CancellationToken.None);
        var sent = rest.Accepted.Single();
        await twilio.MessageStatusAsync(sent.Sid!, "delivered");
        Assert.Equal(OutboxStatus.Delivered, await StatusAsync(host, message.Id));

        await twilio.TextAsync(Ava, Mission, "STOP");
        await host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Reply, Ava, "Blocked.", "c-ava", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await sender.DrainOnceAsync(CancellationToken.None);
        Assert.Single(rest.Accepted);
        await twilio.TextAsync(Ava, Mission, "START");
        Assert.False(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ava, CancellationToken.None));

        rest.OptedOut[Ben] = true;
        var refused = await host.Get<OutboxWriter>().EnqueueAsync(MessageKind.Confirmation, Ben, "Refused.", "c-ben", "mission", null, null, Actor.System("test"), CancellationToken.None);
        await sender.DrainOnceAsync(CancellationToken.None);
        Assert.Equal(OutboxStatus.Suppressed, await StatusAsync(host, refused.Id));
        Assert.True(await host.Get<SmsOptOuts>().IsOptedOutAsync(Ben, CancellationToken.None));
    }

    [StoreFact]
    public async Task Calls_voicemail_and_text_back_work_on_this_store()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
        await using var host = Host(null, clock);
        var twilio = new TwilioSimulator(host.CreateClient());
        var call = twilio.Call(Ava, Mission);
        await call.AnswerAsync();
        await call.SayAsync("I need a hydrafacial next Tuesday");
        await call.PressAsync("0");
        await call.LeaveVoicemailAsync("https://api.twilio.com/recordings/RE1", 9);
        await call.EndsAsync();
        Assert.Contains("RE1", Assert.Single(await host.Get<ConversationStore>().EscalationsAsync("open", CancellationToken.None)).Summary, StringComparison.Ordinal);

        var missed = twilio.Call("+14155557010", Mission);
        await missed.AnswerAsync();
        await missed.EndsAsync();
        await missed.EndsAsync();
        Assert.Single(await host.Get<OutboxWriter>().ListAsync(null, 50, CancellationToken.None), m => m.Kind == MessageKind.MissedCall);
    }

    [StoreFact]
    public async Task Reminders_quiet_hours_and_waitlist_expiry_work_on_this_store()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        await BookAsync(host, "c-ben", new DateTime(2026, 11, 24, 19, 0, 0, DateTimeKind.Utc));
        var twilio = new TwilioSimulator(host.CreateClient());
        var offer = await OfferAvaAFreedSlotAsync(host, alsoWaiting: "c-chloe");
        Assert.Equal(1, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).Reminders);
        Assert.Equal(0, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).Reminders);

        // Nothing went out during the day (the sender was not running): by 22:00 Ava's offer has lapsed to Chloe.
        clock.Set(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero)); // 22:00 in San Francisco
        Assert.Equal(1, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).ExpiredOffers);
        var chloes = (await host.Get<WaitlistBook>().FindPendingOfferAsync("c-chloe", CancellationToken.None))!;
        Assert.Equal(offer.AppointmentId, chloes.AppointmentId);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Empty(rest.Requests);
        // Ava's lapsed offer is never sent; Chloe's waits for the morning and does not lapse overnight.
        var avas = await OfferTextAsync(host, offer.Id);
        Assert.Equal((OutboxStatus.Suppressed, "offer_not_pending"), (avas.Status, avas.LastError));
        clock.Set(new DateTimeOffset(2026, 11, 24, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).ExpiredOffers);

        clock.Set(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)); // 08:00
        await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Contains(rest.Accepted, s => s.To == Ben && s.Body.Contains("reminder", StringComparison.Ordinal));
        Assert.Equal(Chloe, Assert.Single(rest.Accepted, s => s.Body.Contains("Reply YES within", StringComparison.Ordinal)).To);
        Assert.DoesNotContain(rest.Requests, r => r.To == Ava);
        Assert.Equal(OutboxStatus.Sent, (await OfferTextAsync(host, chloes.Id)).Status);

        // Chloe has the whole window from when the text went.
        var minutes = host.Get<FrontDesk.Tools.Profile.SpaProfile>().Policies.WaitlistOfferMinutes;
        clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).ExpiredOffers);
        Assert.Contains("booked", (await twilio.TextAsync(Chloe, Mission, "YES")).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("c-chloe", (await host.Get<FrontDesk.Tools.Booking.AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None))!.ClientId);
        await using var c = await host.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sms_reminders"));
    }
}

public sealed class TwilioSqliteStoreTests : TwilioStoreTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class TwilioPostgresStoreTests : TwilioStoreTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
