using Dapper;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Migrations_applied_twice_apply_nothing_the_second_time()
    {
        var (settings, temp) = SpaBookHarness.FreshStore(Store);
        try
        {
            var provider = Enum.Parse<DatabaseProvider>(settings["FrontDesk:Database:Provider"]!);
            using var db = new SpaDatabase(provider, settings["FrontDesk:Database:ConnectionString"]!);
            var clock = new TestClock(SpaBookHarness.DefaultNow);

            Assert.Equal(ToolsSchema.Migrations.Select(m => m.Version), await SchemaMigrator.ApplyAsync(db, ToolsSchema.Migrations, clock, CancellationToken.None));
            Assert.Empty(await SchemaMigrator.ApplyAsync(db, ToolsSchema.Migrations, clock, CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SpaBookHarness.ReleaseStore(settings, temp);
        }
    }

    [StoreFact]
    public async Task A_started_book_has_nothing_left_to_migrate()
    {
        await using var h = await StartAsync();
        Assert.Empty(await SchemaMigrator.ApplyAsync(h.Get<SpaDatabase>(), ToolsSchema.Migrations, h.Clock, CancellationToken.None));
    }

    [StoreFact]
    public async Task Restarting_resyncs_the_profile_and_keeps_clients_appointments_outbox_and_audit()
    {
        await using var first = await StartAsync();
        var scope = Verified(AvaPhone);
        await BookFirstSlotAsync(first, scope, "swedish", "2026-11-24");
        var newClient = Verified("+14155559999");
        await BookFirstSlotAsync(first, newClient, "signature facial", "2026-11-24", ("client_name", "Nina New"));
        var counts = await CountsAsync(first);

        var edited = DemoWith(
            ("name: Signature Facial", "name: Signature Glow Facial"),
            ("""
              - id: dermaplaning
                name: Dermaplaning
                aliases: [derma planing]
                category: facial
                duration_min: 30
                buffer_min: 10
                price: 95.00
                room_type: treatment
                description: Gentle exfoliation that removes fine hair and dead skin.
                description_es: "Exfoliación suave que quita el vello fino y la piel muerta."

            """.Replace("\r", "", StringComparison.Ordinal), ""),
            (", dermaplaning]", "]"));
        var settings = new Dictionary<string, string?>(first.Settings) { ["FrontDesk:Profile"] = edited };
        await using (var second = await SpaBookHarness.StartOnAsync(settings, first.Clock.GetUtcNow()))
        {
            Assert.Equal(counts, await CountsAsync(second));
            Assert.NotNull(await second.Get<Clients.ClientDirectory>().FindByPhoneAsync("+14155559999", CancellationToken.None));
            Assert.Equal(2, await CountAsync(second, "SELECT COUNT(*) FROM appointments WHERE status = 'booked'"));

            await using var c = await second.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
            Assert.False(await c.ExecuteScalarAsync<bool>("SELECT active FROM services WHERE id = 'dermaplaning'"));
            Assert.True(await c.ExecuteScalarAsync<bool>("SELECT active FROM services WHERE id = 'signature-facial'"));
            Assert.Equal("Signature Glow Facial", await c.ExecuteScalarAsync<string>("SELECT name FROM services WHERE id = 'signature-facial'"));
            Assert.Equal(1, await CountAsync(second, "SELECT COUNT(*) FROM services WHERE id = 'dermaplaning'"));
        }

        // And back: the service comes back active.
        await using var third = await SpaBookHarness.StartOnAsync(first.Settings, first.Clock.GetUtcNow());
        await using var c3 = await third.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.True(await c3.ExecuteScalarAsync<bool>("SELECT active FROM services WHERE id = 'dermaplaning'"));
    }

    private static async Task<(long Clients, long Appointments, long Outbox, long Audit)> CountsAsync(SpaBookHarness h) =>
        (await CountAsync(h, "SELECT COUNT(*) FROM clients"), await CountAsync(h, "SELECT COUNT(*) FROM appointments"),
         await CountAsync(h, "SELECT COUNT(*) FROM outbox"), await CountAsync(h, "SELECT COUNT(*) FROM audit_log"));

    [StoreFact]
    public async Task Forty_concurrent_bookings_of_one_provider_from_two_instances_book_exactly_one()
    {
        await using var a = await StartAsync();
        await using var b = await SpaBookHarness.StartOnAsync(a.Settings, a.Clock.GetUtcNow());
        var profile = a.Get<SpaProfile>();
        var start = Utc(profile, 2026, 11, 24, 10);

        var attempts = Enumerable.Range(0, 40).Select(i =>
        {
            var book = (i % 2 == 0 ? a : b).Get<AppointmentBook>();
            // Different rooms, so only the provider constraint stands between them.
            var appointment = NewAppointment(profile, "swedish-60", "maya", i % 2 == 0 ? "mission-massage-1" : "mission-massage-2", start);
            return Task.Run(() => book.InsertAsync(appointment, Tester, CancellationToken.None));
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Outcome == BookingOutcome.Booked);
        Assert.Equal(39, outcomes.Count(o => o.Outcome == BookingOutcome.SlotTaken));
        Assert.Equal(1, await CountAsync(a, "SELECT COUNT(*) FROM appointments WHERE staff_id = 'maya'"));
    }

    [StoreFact]
    public async Task Forty_concurrent_bookings_of_one_room_by_two_providers_book_exactly_one()
    {
        await using var a = await StartAsync();
        await using var b = await SpaBookHarness.StartOnAsync(a.Settings, a.Clock.GetUtcNow());
        var profile = a.Get<SpaProfile>();
        var start = Utc(profile, 2026, 11, 24, 12);

        var attempts = Enumerable.Range(0, 40).Select(i =>
        {
            var book = (i % 2 == 0 ? a : b).Get<AppointmentBook>();
            var appointment = NewAppointment(profile, "injectables-consult", i % 4 < 2 ? "dr-kim" : "alex", "mission-injection-1", start.AddMinutes(i % 3 * 5));
            return Task.Run(() => book.InsertAsync(appointment, Tester, CancellationToken.None));
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Outcome == BookingOutcome.Booked);
        Assert.Equal(1, await CountAsync(a, "SELECT COUNT(*) FROM appointments WHERE room_id = 'mission-injection-1'"));
    }

    [StoreFact]
    public async Task Buffers_block_the_provider_and_the_room_and_back_to_back_after_the_buffer_is_fine()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten), Tester, default)).Outcome);

        // 11:00 is inside the 15-minute buffer: refused for the same provider and for the same room.
        Assert.Equal(BookingOutcome.SlotTaken, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", ten.AddMinutes(60)), Tester, default)).Outcome);
        Assert.Equal(BookingOutcome.SlotTaken, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "jordan", "mission-massage-1", ten.AddMinutes(60)), Tester, default)).Outcome);
        // An earlier booking whose own buffer runs into 10:00 is refused too.
        Assert.Equal(BookingOutcome.SlotTaken, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", ten.AddMinutes(-70)), Tester, default)).Outcome);

        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", ten.AddMinutes(75)), Tester, default)).Outcome);
        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "jordan", "mission-massage-1", ten.AddMinutes(75)), Tester, default)).Outcome);
        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten.AddMinutes(-75)), Tester, default)).Outcome);
    }

    [StoreFact]
    public async Task A_cancelled_appointment_frees_its_slot()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        var (_, first) = await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten), Tester, default);
        Assert.Equal(BookingOutcome.SlotTaken, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten, "c-ben"), Tester, default)).Outcome);

        Assert.True(await book.ChangeStatusAsync(first!.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, Tester, null, default));
        Assert.False(await book.ChangeStatusAsync(first.Id, AppointmentStatus.Booked, AppointmentStatus.Cancelled, Tester, null, default));

        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten, "c-ben"), Tester, default)).Outcome);
    }

    [StoreFact]
    public async Task The_same_idempotency_key_twice_books_once()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var ten = Utc(profile, 2026, 11, 24, 10);

        var first = await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten, key: "retry-1"), Tester, default);
        var second = await book.InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten, key: "retry-1"), Tester, default);

        Assert.Equal(BookingOutcome.Booked, first.Outcome);
        Assert.Equal(BookingOutcome.AlreadyBooked, second.Outcome);
        Assert.Equal(first.Appointment!.Id, second.Appointment!.Id);
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key = 'retry-1'"));
    }

    [StoreFact]
    public async Task Concurrent_retries_with_one_idempotency_key_all_report_the_one_booking()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var ten = Utc(profile, 2026, 11, 24, 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
        {
            var appointment = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten, key: "retry-2");
            return Task.Run(() => book.InsertAsync(appointment, Tester, CancellationToken.None));
        }));

        Assert.Single(outcomes, o => o.Outcome == BookingOutcome.Booked);
        Assert.All(outcomes, o => Assert.NotEqual(BookingOutcome.SlotTaken, o.Outcome));
        Assert.Single(outcomes.Select(o => o.Appointment!.Id).Distinct());
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
    }
}
