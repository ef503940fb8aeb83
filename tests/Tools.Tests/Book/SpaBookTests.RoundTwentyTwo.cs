using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Perf round 22: on SQLite the booking's statements (the lookup by idempotency key and phone, the overlap count, the client,
/// appointment, audit and outbox inserts, the cancellation's update) are prepared once per pooled connection and bound again
/// at every use. The tools are called one after another here, so the pool hands the same connection back each time: no value
/// of one booking may be left in the next one's statements. Both stores.
/// </summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Booking_cancelling_and_booking_again_one_after_another_reads_and_writes_the_right_rows_each_time()
    {
        await using var h = await StartAsync();
        var book = h.Get<AppointmentBook>();

        // Ava (known, on her own line) books Tuesday's first massage, then cancels it.
        var ava = Verified(AvaPhone);
        var (_, avaSlot) = await BookFirstSlotAsync(h, ava, "swedish", "2026-11-24");
        var avas = Assert.Single(await RowsAsync(h, "c-ava"));
        Assert.Equal(ava.ConversationId, avas.ConversationId);
        // Her "yes" sent twice (a retried request) books nothing more: the key's lookup finds her own booking.
        ava.BeginTurn(saidYes: true);
        var again = await CallAsync(h, ava, "book_appointment", ("slot_id", Prop(avaSlot, "slot_id").GetString()));
        Assert.Equal("booked", Status(again));
        Assert.Single(await RowsAsync(h, "c-ava"));
        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("cancelled", Status(await CallAsync(h, ava, "cancel_appointment", ("appointment_ref", "A1"))));
        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(avas.Id, default))!.Status);

        // Ben takes the time she freed: his client, his conversation, his key; hers stays cancelled.
        var ben = Verified(BenPhone);
        var (_, benSlot) = await BookFirstSlotAsync(h, ben, "swedish", "2026-11-24");
        Assert.Equal(Prop(avaSlot, "local_start").GetString(), Prop(benSlot, "local_start").GetString());
        var bens = Assert.Single(await RowsAsync(h, "c-ben"));
        Assert.Equal((ben.ConversationId, AppointmentStatus.Booked, avas.StartsAtUtc), (bens.ConversationId, bens.Status, bens.StartsAtUtc));
        Assert.NotEqual(avas.IdempotencyKey, bens.IdempotencyKey);

        // Ava books again, the same day: the first time now free is not Ben's, and it is under her own client again.
        ava.BeginTurn(null);
        await BookFirstSlotAsync(h, ava, "swedish", "2026-11-24");
        var avaNow = Assert.Single(await RowsAsync(h, "c-ava"), a => a.Status == AppointmentStatus.Booked);
        Assert.NotEqual(avas.Id, avaNow.Id);
        Assert.NotEqual((bens.StaffId, bens.StartsAtUtc), (avaNow.StaffId, avaNow.StartsAtUtc));

        // Two web visitors with numbers the spa has never seen, typed their own way: a client each, created with the booking.
        var maria = SpaBookHarness.Scope("web");
        await BookFirstSlotAsync(h, maria, "swedish", "2026-11-25", ("client_phone", "(415) 555-0177"), ("client_name", "maría lópez"));
        var tom = SpaBookHarness.Scope("web");
        await BookFirstSlotAsync(h, tom, "swedish", "2026-11-25", ("client_phone", "415.555.0188"), ("client_name", "Tom O'Brien"));
        var visitors = (await QueryAsync<(string Name, string Unverified, string Conversation)>(h, """
            SELECT c.name, c.unverified_phone, a.conversation_id FROM appointments a JOIN clients c ON c.id = a.client_id
            WHERE c.unverified_phone IS NOT NULL ORDER BY c.name
            """)).ToList();
        Assert.Equal([("Tom O'Brien", "+14155550188", tom.ConversationId), ("maría lópez", "+14155550177", maria.ConversationId)], visitors);

        // Every booking, cancellation and new client has its own audit row, naming its own conversation.
        var audit = (await QueryAsync<(string Action, string EntityId, string? Conversation)>(h,
            "SELECT action, entity_id, conversation_id FROM audit_log WHERE entity IN ('appointment', 'client') ORDER BY id")).ToList();
        var appointments = (await QueryAsync<(string Id, string Conversation)>(h, "SELECT id, conversation_id FROM appointments")).ToList();
        Assert.Equal(5, appointments.Count);
        foreach (var (id, conversation) in appointments)
        {
            Assert.Contains(("appointment.book", id, (string?)conversation), audit);
        }
        Assert.Contains(("appointment.cancelled", avas.Id, (string?)ava.ConversationId), audit);
        var created = (await QueryAsync<(string Id, string Conversation)>(h,
            "SELECT c.id, a.conversation_id FROM clients c JOIN appointments a ON a.client_id = c.id WHERE c.unverified_phone IS NOT NULL")).ToList();
        Assert.Equal(2, created.Count);
        foreach (var (id, conversation) in created)
        {
            Assert.Contains(("client.create", id, (string?)conversation), audit);
        }
        // Nothing double-booked.
        Assert.Equal(0, await CountAsync(h, """
            SELECT COUNT(*) FROM appointments a JOIN appointments b ON a.id < b.id AND a.staff_id = b.staff_id
            WHERE a.status = 'booked' AND b.status = 'booked' AND a.starts_at_utc < b.blocked_until_utc AND b.starts_at_utc < a.blocked_until_utc
            """));
    }

    // Perf round 22: on PostgreSQL a booking's locks are tried, and its time checked under them, in the first statement of its
    // write batch; a busy lock fails the batch and the booking polls. Forty people from two instances after one time, some
    // of them sending their "yes" twice: one booking, every loser told the time is taken, no client row left by a loser.
    [StoreFact]
    public async Task Forty_people_booking_one_time_from_two_instances_get_one_booking_and_losers_leave_nothing_behind()
    {
        await using var a = await StartAsync();
        await using var b = await SpaBookHarness.StartOnAsync(a.Settings, a.Clock.GetUtcNow());
        var profile = a.Get<SpaProfile>();
        var start = Utc(profile, 2026, 11, 24, 11);
        var clientsBefore = await CountAsync(a, "SELECT COUNT(*) FROM clients");

        var attempts = Enumerable.Range(0, 40).Select(i =>
        {
            var book = (i % 2 == 0 ? a : b).Get<AppointmentBook>();
            // Half on one room, half on another: the provider is what they share. People 0-4 send their request twice.
            var person = i < 10 ? i / 2 : i;
            var appointment = NewAppointment(profile, "swedish-60", "maya", i % 3 == 0 ? "mission-massage-1" : "mission-massage-2", start, key: $"race-{person}");
            var phone = $"+1415555{person:D4}";
            return Task.Run(() => book.BookForPhoneAsync(appointment, phone, proven: false, conversationClientId: null, $"Person {person}", null, "en", Tester,
                lookup: null, alongside: null, CancellationToken.None));
        });
        var outcomes = await Task.WhenAll(attempts);

        var booked = Assert.Single(outcomes, o => o.Outcome == BookingOutcome.Booked);
        var winner = booked.Appointment!.IdempotencyKey;
        Assert.All(outcomes.Where(o => o.Outcome != BookingOutcome.Booked), o =>
            Assert.True(o.Outcome == BookingOutcome.SlotTaken || (o.Outcome == BookingOutcome.AlreadyBooked && o.Appointment!.IdempotencyKey == winner), $"{o.Outcome} {o.Appointment?.IdempotencyKey}"));
        Assert.Equal(1, await CountAsync(a, "SELECT COUNT(*) FROM appointments WHERE staff_id = 'maya'"));
        // The winner's client only: every loser's insert was in the batch that the guard stopped, or rolled back with it.
        Assert.Equal(clientsBefore + 1, await CountAsync(a, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(1, await CountAsync(a, "SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.book'"));

        // The time is free again once cancelled, and the next person books it at the first try.
        Assert.True(await a.Get<AppointmentBook>().CancelAsync(booked.Appointment, Tester, null, null, CancellationToken.None));
        var next = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", start, key: "race-next");
        var (outcome, _) = await b.Get<AppointmentBook>().BookForPhoneAsync(next, "+14155550042", proven: false, null, "Nadia Next", null, "es", Tester, null, null, CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
    }

    // Read back through Dapper, not through the statements under test.
    private static async Task<List<Appointment>> RowsAsync(SpaBookHarness h, string clientId) =>
        [.. await QueryAsync<Appointment>(h, $"SELECT {AppointmentBook.Columns} FROM appointments WHERE client_id = @clientId ORDER BY created_at_utc", new { clientId })];

    private static async Task<IEnumerable<T>> QueryAsync<T>(SpaBookHarness h, string sql, object? args = null)
    {
        await using var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        return await c.QueryAsync<T>(new CommandDefinition(sql, args));
    }
}
