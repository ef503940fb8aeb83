using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Issue 12, round 30: two people at one time on one yes. check_availability with party=2 offers pairs of openings (two
/// providers free at the same time at the same place, each in a room of their own; back to back when asked), read against
/// the schedule and the bookings; book_appointment with with_slot_id reads both back together and books both in one
/// transaction on the yes: both or neither, a racing booking of either time failing both. Both stores.
/// </summary>
public abstract partial class SpaBookTests
{
    private const string NoraPhone = "+12075551234";

    [StoreFact]
    public async Task Two_people_at_one_time_are_offered_as_pairs_and_booked_together_on_one_yes()
    {
        await using var h = await StartAsync(TestFiles.HarborProfile);
        var nora = Verified(NoraPhone);

        var offer = await CallAsync(h, nora, "check_availability", ("service", "gel manicure"), ("date", "2026-11-26"), ("near", "14:00"), ("party", 2));
        Assert.True(Status(offer) == "ok", offer.GetRawText());
        var pair = Prop(Data(offer), "pairs").EnumerateArray().First();
        Assert.Equal("2 PM", Prop(pair, "time").GetString());
        Assert.NotEqual(Prop(pair, "provider").GetString(), Prop(pair, "second_provider").GetString());
        (string, object?)[] args = [("slot_id", Prop(pair, "slot_id").GetString()), ("with_slot_id", Prop(pair, "with_slot_id").GetString()), ("guest_name", "Lily")];

        var readBack = await CallAsync(h, nora, "book_appointment", args);
        Assert.True(Status(readBack) == "needs_confirmation", readBack.GetRawText());
        Assert.Contains("Lily", Prop(Data(readBack), "read_back").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments"));
        nora.BeginTurn(saidYes: true);
        var booked = await CallAsync(h, nora, "book_appointment", args);

        Assert.True(Status(booked) == "booked", booked.GetRawText());
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE status = 'booked' AND client_id = 'c-nora'"));
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(DISTINCT staff_id) + COUNT(DISTINCT room_id) - 2 FROM appointments WHERE status = 'booked'"));
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.book'"));
    }

    [StoreFact]
    public async Task A_racing_booking_of_either_time_fails_both()
    {
        await using var h = await StartAsync(TestFiles.HarborProfile);
        var profile = h.Get<SpaProfile>();
        var nora = Verified(NoraPhone);
        var offer = await CallAsync(h, nora, "check_availability", ("service", "gel manicure"), ("date", "2026-11-26"), ("near", "14:00"), ("party", 2));
        var pair = Prop(Data(offer), "pairs").EnumerateArray().First();
        (string, object?)[] args = [("slot_id", Prop(pair, "slot_id").GetString()), ("with_slot_id", Prop(pair, "with_slot_id").GetString())];
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, nora, "book_appointment", args)));

        // Between the read-back and the yes, another visitor takes the second provider's time.
        var secondStaff = Prop(pair, "second_provider").GetString()!.StartsWith("Kenji", StringComparison.Ordinal) ? "kenji" : "rosa";
        var racer = NewAppointment(profile, "gel-manicure", secondStaff, "station-2", Utc(profile, 2026, 11, 26, 14), clientId: "c-nora", key: "r30-racer");
        Assert.Equal(BookingOutcome.Booked, (await h.Get<AppointmentBook>().InsertAsync(racer, Tester, CancellationToken.None)).Outcome);
        nora.BeginTurn(saidYes: true);
        var yes = await CallAsync(h, nora, "book_appointment", args);

        Assert.True(Status(yes) == "slot_taken", yes.GetRawText());
        // Only the racer's appointment: neither of the two was written.
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE status = 'booked'"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.book'"));
    }

    [StoreFact]
    public async Task The_store_writes_two_appointments_together_or_neither()
    {
        await using var h = await StartAsync(TestFiles.HarborProfile);
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var taken = NewAppointment(profile, "gel-manicure", "kenji", "station-2", Utc(profile, 2026, 11, 26, 15), clientId: "c-nora", key: "r30-taken");
        Assert.Equal(BookingOutcome.Booked, (await book.InsertAsync(taken, Tester, CancellationToken.None)).Outcome);

        // Rosa is free at 3, Kenji is not: neither is written.
        var rosa = NewAppointment(profile, "gel-manicure", "rosa", "station-1", Utc(profile, 2026, 11, 26, 15), clientId: "c-nora", key: "r30-a");
        var kenji = NewAppointment(profile, "gel-manicure", "kenji", "station-2", Utc(profile, 2026, 11, 26, 15), clientId: "c-nora", key: "r30-b");
        var (lost, none) = await book.BookTwoForPhoneAsync(rosa, kenji, NoraPhone, true, null, null, null, "en", Tester, null, CancellationToken.None);
        Assert.Equal(BookingOutcome.SlotTaken, lost);
        Assert.Empty(none);
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key IN ('r30-a', 'r30-b')"));

        // At 4 both are free: both written, for one client; the same yes again books nothing more.
        var rosa4 = NewAppointment(profile, "gel-manicure", "rosa", "station-1", Utc(profile, 2026, 11, 26, 16), clientId: "c-nora", key: "r30-c");
        var kenji4 = NewAppointment(profile, "gel-manicure", "kenji", "station-2", Utc(profile, 2026, 11, 26, 16), clientId: "c-nora", key: "r30-d");
        var (won, both) = await book.BookTwoForPhoneAsync(rosa4, kenji4, NoraPhone, true, null, null, null, "en", Tester, null, CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, won);
        Assert.Equal(2, both.Count);
        Assert.Single(both.Select(a => a.ClientId).Distinct());
        var (again, same) = await book.BookTwoForPhoneAsync(rosa4, kenji4, NoraPhone, true, null, null, null, "en", Tester, null, CancellationToken.None);
        Assert.Equal(BookingOutcome.AlreadyBooked, again);
        Assert.Equal(both.Select(a => a.Id).Order(), same.Select(a => a.Id).Order());
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key IN ('r30-c', 'r30-d')"));
    }

    [StoreFact]
    public async Task When_only_one_provider_works_then_no_pair_is_offered_and_one_person_or_other_times_are()
    {
        await using var h = await StartAsync(TestFiles.HarborProfile);
        var nora = Verified(NoraPhone);

        // Tuesdays only Rosa works.
        var offer = await CallAsync(h, nora, "check_availability", ("service", "gel manicure"), ("date", "2026-11-24"), ("near", "13:00"), ("party", 2));

        Assert.True(Status(offer) == "no_pairs", offer.GetRawText());
        Assert.Equal(1, Prop(Data(offer), "singles").GetArrayLength());
        var alternatives = Prop(Data(offer), "alternatives").EnumerateArray().ToList();
        Assert.NotEmpty(alternatives);
        Assert.All(alternatives, p => Assert.NotEqual(Prop(p, "provider").GetString(), Prop(p, "second_provider").GetString()));
    }

    [StoreFact]
    public async Task Back_to_back_when_no_two_are_free_at_once()
    {
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);

        // No two massage therapists work one place at one time on the demo spa: Saturday's pairs are one after the other.
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish 60"), ("date", "2026-11-28"), ("party", 2), ("back_to_back", true));

        Assert.True(Status(offer) == "ok", offer.GetRawText());
        Assert.True(Prop(Data(offer), "back_to_back").GetBoolean());
        var pair = Prop(Data(offer), "pairs").EnumerateArray().First();
        Assert.NotEqual(Prop(pair, "time").GetString(), Prop(pair, "second_time").GetString());
        (string, object?)[] args = [("slot_id", Prop(pair, "slot_id").GetString()), ("with_slot_id", Prop(pair, "with_slot_id").GetString())];
        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "book_appointment", args)));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("booked", Status(await CallAsync(h, ava, "book_appointment", args)));
        Assert.Equal(2, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE status = 'booked' AND client_id = 'c-ava'"));
    }
}
