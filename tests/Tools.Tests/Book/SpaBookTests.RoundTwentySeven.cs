using System.Diagnostics;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Perf round 27: on PostgreSQL a booking for a number the conversation has proven (a caller's, a texter's, a verified web
/// client's) goes the way round 26 took a web visitor's: its client (found by the tool's look-up, or new), the appointment,
/// their audit entries and the confirmation texts are one batch, the guard first, committed as the batch's own implicit
/// transaction (no BEGIN, no COMMIT, no read of the client again). All or nothing as before; a number opted out gets no
/// texts. Both stores.
/// </summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task A_known_callers_booking_after_the_look_up_is_one_command_on_postgres()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        // Ava calls from her own number and says yes to Tuesday 11:00; the tool looked up her and the time just before.
        var tuesday = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 11), key: "r27-ava-yes");
        var lookup = await book.LookUpAsync(tuesday, AvaPhone, overlap: true, CancellationToken.None);
        Assert.Equal("c-ava", lookup.PhoneClient?.Id);

        string database;
        await using (var c = await h.Get<SpaDatabase>().OpenAsync(CancellationToken.None))
        {
            database = c.Database;
        }
        using var commands = new PostgresCommands(database);
        var wording = h.Get<AppointmentWording>();
        var service = profile.FindService("swedish-60")!;
        var (outcome, booked) = await book.BookForPhoneAsync(tuesday, AvaPhone, proven: true, conversationClientId: null, "Ava Thompson", null, "en", Tester,
            lookup, (batch, client, appointment) => wording.QueueConfirmation(batch, Tester, client, appointment, service, "en"), CancellationToken.None);
        var (run, what) = (commands.Count, commands.ToString());

        Assert.Equal(BookingOutcome.Booked, outcome);
        Assert.Equal("c-ava", booked!.ClientId);
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key = 'r27-ava-yes' AND client_id = 'c-ava'"));
        // Her confirmation and reminder, with their audit entries, committed with the appointment.
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE related_id = @id AND client_id = 'c-ava'", new { id = booked.Id }));
        Assert.Equal(2, await CountAsync(h, """
            SELECT COUNT(*) FROM audit_log l JOIN outbox o ON o.id = l.entity_id WHERE l.action = 'outbox.enqueue' AND o.related_id = @id
            """, new { id = booked.Id }));
        if (Store == TestStore.Postgres)
        {
            // The guard, the appointment, the texts and their audit entries in one batch: before this round, a read of her
            // row in the transaction, the batch, and each text's insert and audit entry (six commands, and a COMMIT).
            Assert.True(run == 1, what);
        }
    }

    [StoreFact]
    public async Task A_caller_with_a_new_number_gets_a_client_and_the_appointment_together()
    {
        await using var h = await StartAsync();
        // A first-time caller: the number is proven by the call itself, nobody has it yet.
        var caller = Verified("+14155550177");
        var (result, _) = await BookFirstSlotAsync(h, caller, "swedish", "2026-11-24", ("client_name", "Rosa Diaz"));

        Assert.Equal("booked", Status(result));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE phone = '+14155550177' AND name = 'Rosa Diaz'"));
        Assert.Equal(1, await CountAsync(h, """
            SELECT COUNT(*) FROM appointments a JOIN clients c ON c.id = a.client_id WHERE c.phone = '+14155550177' AND a.status = 'booked'
            """));
        Assert.Equal(1, await CountAsync(h, """
            SELECT COUNT(*) FROM audit_log l JOIN clients c ON c.id = l.entity_id WHERE c.phone = '+14155550177' AND l.action = 'client.create'
            """));
        // No consent to texts on file for a new client: none queued.
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE to_address = '+14155550177'"));
    }

    [StoreFact]
    public async Task A_known_client_without_a_name_on_file_gets_the_name_given_with_the_booking()
    {
        await using var h = await StartAsync();
        // The number texted once before without a name ("STOP"? no: a question, left unnamed); now she calls and books.
        var known = await h.Get<ClientDirectory>().GetOrCreateByPhoneAsync("+14155550178", null, null, Tester, null, CancellationToken.None);
        Assert.Null(known.Name);
        var (result, _) = await BookFirstSlotAsync(h, Verified("+14155550178"), "swedish", "2026-11-24", ("client_name", "Noor Haddad"));

        Assert.Equal("booked", Status(result));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE phone = '+14155550178'"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE phone = '+14155550178' AND name = 'Noor Haddad'"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM audit_log WHERE entity_id = @id AND action = 'client.update'", new { id = known.Id }));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE client_id = @id", new { id = known.Id }));
    }

    [StoreFact]
    public async Task A_client_who_opted_out_books_and_gets_no_texts()
    {
        await using var h = await StartAsync();
        // Ava texted STOP last week; today she calls and books.
        await h.Get<ClientDirectory>().SetOptedOutAsync(AvaPhone, optedOut: true, Tester, CancellationToken.None);
        var before = await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE client_id = 'c-ava'");
        var (result, _) = await BookFirstSlotAsync(h, Verified(AvaPhone), "swedish", "2026-11-24");

        Assert.Equal("booked", Status(result));
        Assert.Equal(before, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE client_id = 'c-ava'"));
    }

    [StoreFact]
    public async Task A_known_client_gets_her_texts_with_the_appointment_and_a_second_copy_of_the_yes_writes_nothing()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var wording = h.Get<AppointmentWording>();
        var service = profile.FindService("swedish-60")!;
        // Ava's "yes" reaches two instances; both looked up before either wrote. The first books Tuesday 11:00 with her texts.
        var first = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 11), key: "r27-yes-twice");
        var second = NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", Utc(profile, 2026, 11, 24, 14), key: "r27-yes-twice");
        var firstLook = await book.LookUpAsync(first, AvaPhone, overlap: true, CancellationToken.None);
        var secondLook = await book.LookUpAsync(second, AvaPhone, overlap: true, CancellationToken.None);
        var (outcome, booked) = await book.BookForPhoneAsync(first, AvaPhone, proven: true, conversationClientId: null, "Ava Thompson", null, "en", Tester,
            firstLook, (batch, client, appointment) => wording.QueueConfirmation(batch, Tester, client, appointment, service, "en"),
            CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
        var texts = await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE client_id = 'c-ava' AND related_id = @id", new { id = booked!.Id });
        Assert.True(texts >= 1, $"{texts} texts");
        var outbox = await CountAsync(h, "SELECT COUNT(*) FROM outbox");
        var audits = await CountAsync(h, "SELECT COUNT(*) FROM audit_log");

        // The second copy's batch meets the first copy's key: nothing of it stays, its texts included.
        var (again, found) = await book.BookForPhoneAsync(second, AvaPhone, proven: true, conversationClientId: null, "Ava Thompson", null, "en", Tester,
            secondLook, (batch, client, appointment) => wording.QueueConfirmation(batch, Tester, client, appointment, service, "en"),
            CancellationToken.None);

        Assert.Equal(BookingOutcome.AlreadyBooked, again);
        Assert.Equal(booked.Id, found!.Id);
        Assert.Equal(outbox, await CountAsync(h, "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(audits, await CountAsync(h, "SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key = 'r27-yes-twice'"));
    }

    [StoreFact]
    public async Task Two_calls_from_one_new_number_booking_at_once_make_one_client_with_both_appointments()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        // The same new caller on two lines (voice and SMS) books two different times; both looked up before either wrote,
        // so both find no client for the number.
        var massage = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 11), key: "r27-line-1");
        var another = NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", Utc(profile, 2026, 11, 25, 14), key: "r27-line-2");
        var lookups = await Task.WhenAll(
            book.LookUpAsync(massage, "+14155550179", overlap: true, CancellationToken.None),
            book.LookUpAsync(another, "+14155550179", overlap: true, CancellationToken.None));
        Assert.All(lookups, l => Assert.Null(l.PhoneClient));

        var results = await Task.WhenAll(
            Task.Run(() => book.BookForPhoneAsync(massage, "+14155550179", proven: true, null, "Kai Nguyen", null, "en", Tester, lookups[0], null, CancellationToken.None)),
            Task.Run(() => book.BookForPhoneAsync(another, "+14155550179", proven: true, null, "Kai Nguyen", null, "en", Tester, lookups[1], null, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(BookingOutcome.Booked, r.Outcome));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE phone = '+14155550179'"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(DISTINCT client_id) FROM appointments WHERE idempotency_key IN ('r27-line-1', 'r27-line-2')"));
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key IN ('r27-line-1', 'r27-line-2')"));
        Assert.Equal(1, await CountAsync(h, """
            SELECT COUNT(*) FROM audit_log l JOIN clients c ON c.id = l.entity_id WHERE c.phone = '+14155550179' AND l.action = 'client.create'
            """));
    }

    /// <summary>The PostgreSQL commands run on one database while it is alive (Npgsql's activities; BEGIN and COMMIT are not among them).</summary>
    private sealed class PostgresCommands : IDisposable
    {
        private readonly ActivityListener _listener;
        private int _count;
        private readonly List<string> _texts = [];

        public PostgresCommands(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = a =>
                {
                    if (a.TagObjects.Any(t => t.Value is string s && s == database))
                    {
                        Interlocked.Increment(ref _count);
                        lock (_texts)
                        {
                            _texts.Add(string.Join(" | ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")));
                        }
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => Volatile.Read(ref _count);

        /// <summary>What was run, for a failure's message.</summary>
        public override string ToString()
        {
            lock (_texts)
            {
                return string.Join("\n", _texts);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
