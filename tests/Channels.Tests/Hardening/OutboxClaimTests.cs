using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>
/// Issue 15, item 13: a text claimed by a sender that died is sent by another once the claim lapses, in real time, also when
/// the spa's clock is pinned (as in every test host and in demos): the claim is a lease, not a time in the spa's calendar.
/// </summary>
public abstract class OutboxClaimTests
{
    protected abstract TestStore Store { get; }

    [StoreFact]
    public async Task A_text_claimed_by_a_sender_that_died_is_sent_once_by_another_when_the_claim_lapses_under_a_pinned_clock()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var settings = TwilioSimulator.Settings(rest.BaseAddress);
        settings["FrontDesk:Sms:ClaimSeconds"] = "2";
        // Both hosts run on the pinned clock FrontDeskHost gives every host (FrontDesk:Clock:FixedNow).
        await using var one = FrontDeskHost.Create(Store, settings: settings);
        await using var two = FrontDeskHost.Create(Store, settings: one.Settings);
        var otherSender = two.Get<OutboxSender>(); // started before the claim, so its start-up does not eat into the claim
        var message = await one.Get<OutboxWriter>().EnqueueAsync(MessageKind.Reply, TwilioSmsTests.Ava, "Yes, there is free parking behind the spa.", null, "mission", null, null,
            Actor.System("test"), CancellationToken.None);

        // Sender one claims it and dies before sending.
        var delivery = one.Get<OutboxDelivery>();
        var due = Assert.Single(await delivery.DueAsync(50, CancellationToken.None), m => m.Id == message.Id);
        Assert.True(await delivery.ClaimAsync(due, CancellationToken.None));
        // While the claim is live, the other sender leaves the message alone.
        Assert.Equal(0, await otherSender.DrainOnceAsync(CancellationToken.None));
        Assert.Empty(rest.Requests);

        // Real time passes (the spa's clock does not move), the claim lapses and the other sender sends it, once.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await otherSender.DrainOnceAsync(CancellationToken.None));
        Assert.Equal(0, await otherSender.DrainOnceAsync(CancellationToken.None));
        Assert.Equal(TwilioSmsTests.Ava, Assert.Single(rest.Requests).To);
        var stored = Assert.Single(await two.Get<OutboxWriter>().ListAsync(null, 100, CancellationToken.None), m => m.Id == message.Id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
    }
}

public sealed class SqliteOutboxClaimTests : OutboxClaimTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresOutboxClaimTests : OutboxClaimTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
