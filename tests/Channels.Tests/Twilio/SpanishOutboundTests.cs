using FrontDesk.Channels.Tests.Hosting;
using FrontDesk.Channels.Tests.Twilio.Simulator;
using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Outbox;
using Microsoft.Extensions.DependencyInjection;
using static FrontDesk.Channels.Tests.Twilio.TwilioSmsTests;

namespace FrontDesk.Channels.Tests.Twilio;

/// <summary>
/// Texts the spa sends go out in the client's language (issue 13): a client who writes in Spanish gets the confirmation,
/// the reminder, the waitlist offer and the answers to C, X and SÍ in Spanish. On every store.
/// </summary>
public abstract class SpanishOutboundTests
{
    // Monday 10:00 in San Francisco.
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    protected abstract TestStore Store { get; }

    private FrontDeskHost Host(FakeTwilioRestServer rest, TestClock clock) =>
        FrontDeskHost.Create(Store, clock.GetUtcNow(), TwilioSimulator.Settings(rest.BaseAddress), s => s.AddSingleton<TimeProvider>(clock));

    private static async Task<List<OutboxMessage>> TextsToAsync(FrontDeskHost host, string kind) =>
        [.. (await host.Get<OutboxWriter>().ListAsync(null, 1000, CancellationToken.None)).Where(m => m.Kind == kind)];

    [StoreFact]
    public async Task A_booking_made_by_text_in_Spanish_is_confirmed_reminded_and_answered_in_Spanish()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var twilio = new TwilioSimulator(host.CreateClient());
        foreach (var text in new[] { "me gustaria un masaje prenatal el viernes", "la primera", "sí" })
        {
            await twilio.TextAsync(Ben, Mission, text);
        }

        var confirmation = Assert.Single(await TextsToAsync(host, MessageKind.Confirmation));
        Assert.Contains("tiene cita para Masaje prenatal (60 min)", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("el viernes 27 de noviembre a las", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("ALTO", confirmation.Body, StringComparison.Ordinal);
        var reminder = Assert.Single(await TextsToAsync(host, MessageKind.Reminder));
        Assert.StartsWith("Recordatorio de", reminder.Body, StringComparison.Ordinal);
        Assert.Equal("es", (await host.Get<ClientDirectory>().GetAsync("c-ben", CancellationToken.None))!.Language);

        // The reminder goes on Thursday morning; "C" confirms, in Spanish.
        clock.Set(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);
        Assert.Contains(rest.Accepted, s => s.To == Ben && s.Body.StartsWith("Recordatorio de", StringComparison.Ordinal));
        var answer = (await twilio.TextAsync(Ben, Mission, "C")).Message;
        Assert.Contains("queda confirmada", answer, StringComparison.Ordinal);
        Assert.Contains("viernes 27 de noviembre", answer, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_client_who_wrote_in_Spanish_gets_the_waitlist_offer_in_Spanish_and_takes_it_with_SI()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var twilio = new TwilioSimulator(host.CreateClient());
        await twilio.TextAsync(Ava, Mission, "hola! tienen estacionamiento cerca?");
        Assert.Equal("es", (await host.Get<ClientDirectory>().GetAsync("c-ava", CancellationToken.None))!.Language);

        var offer = await OfferAvaAFreedSlotAsync(host);
        var text = Assert.Single(await TextsToAsync(host, MessageKind.WaitlistOffer), m => m.RelatedId == offer.Id);
        Assert.Contains("se abrió un lugar para HydraFacial el miércoles 25 de noviembre a las 10 a. m.", text.Body, StringComparison.Ordinal);
        Assert.Contains("Responda SÍ", text.Body, StringComparison.Ordinal);

        var answer = (await twilio.TextAsync(Ava, Mission, "Sí")).Message;
        Assert.Contains("¡quedó reservado!", answer, StringComparison.Ordinal);
        Assert.Equal("c-ava", (await host.Get<FrontDesk.Tools.Booking.AppointmentBook>().GetAsync(offer.AppointmentId, CancellationToken.None))!.ClientId);

        // She writes in English later: the record follows her.
        await twilio.TextAsync(Ava, Mission, "thank you so much, see you wednesday!");
        Assert.Equal("en", (await host.Get<ClientDirectory>().GetAsync("c-ava", CancellationToken.None))!.Language);
    }

    [StoreFact]
    public async Task The_schedules_reminder_is_in_the_clients_language_and_X_cancels_in_Spanish()
    {
        await using var rest = await FakeTwilioRestServer.StartAsync();
        var clock = new TestClock(Morning);
        await using var host = Host(rest, clock);
        var twilio = new TwilioSimulator(host.CreateClient());
        await twilio.TextAsync(Ben, Mission, "buenas tardes, hasta qué hora abren mañana?");
        // Booked at the front desk (no conversation): Tuesday 2 PM.
        await BookAsync(host, "c-ben", new DateTime(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await host.Get<OutboundSchedule>().RunOnceAsync(CancellationToken.None)).Reminders);
        var reminder = Assert.Single(await TextsToAsync(host, MessageKind.Reminder));
        Assert.Equal("Recordatorio de Willow & Sage Med Spa: HydraFacial con Priya mañana, martes 24 de noviembre a las 2 p. m., en Mission District. Responda C para confirmar o X para cancelar. Responda ALTO para no recibir más mensajes.",
            reminder.Body);
        await host.Get<OutboxSender>().DrainOnceAsync(CancellationToken.None);

        var answer = (await twilio.TextAsync(Ben, Mission, "X")).Message;
        Assert.Contains("su cita de HydraFacial del martes 24 de noviembre a las 2 p. m. quedó cancelada", answer, StringComparison.Ordinal);
    }
}

public sealed class SqliteSpanishOutboundTests : SpanishOutboundTests
{
    protected override TestStore Store => TestStore.Sqlite;
}

public sealed class PostgresSpanishOutboundTests : SpanishOutboundTests, IPostgresTests
{
    protected override TestStore Store => TestStore.Postgres;
}
