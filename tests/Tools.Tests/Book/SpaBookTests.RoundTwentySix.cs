using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Book;

/// <summary>
/// Perf round 26: on PostgreSQL a booking for a number the conversation has not proven (a web visitor's) commits its batch
/// (the guard, the new client and the appointment with their audit entries) in the batch's own round trip, without a
/// transaction of the driver's. The batch is still all or nothing, and the confirmation texts of a proven number still
/// commit with the appointment. Both stores.
/// </summary>
public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task A_copy_of_the_request_that_booked_first_rolls_back_the_other_copys_whole_batch_its_new_client_included()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        // A visitor's "yes" reaches two instances. The first books Tuesday 11:00 for the number typed in its copy.
        var first = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 11), key: "r26-yes-twice");
        var (outcome, booked) = await book.BookForPhoneAsync(first, "+14155550161", proven: false, conversationClientId: null, "Lena Park", null, "en", Tester,
            lookup: null, alongside: null, CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, outcome);
        var clients = await CountAsync(h, "SELECT COUNT(*) FROM clients");
        var audits = await CountAsync(h, "SELECT COUNT(*) FROM audit_log");

        // The second copy read before that commit (nothing booked by its key, its time free) and writes a moment later, with the
        // number as the visitor corrected it ("sorry 0162 not 0161") at a time the offers moved to: its appointment's insert
        // meets the first copy's key, after its new client's row in the same batch.
        var second = NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", Utc(profile, 2026, 11, 24, 14), key: "r26-yes-twice");
        var (again, found) = await book.BookForPhoneAsync(second, "+14155550162", proven: false, conversationClientId: null, "lena park", null, "en", Tester,
            lookup: new BookingLookup(null, null, null, Taken: false), alongside: null, CancellationToken.None);

        Assert.Equal(BookingOutcome.AlreadyBooked, again);
        Assert.Equal(booked!.Id, found!.Id);
        // Nothing of the second copy's batch is left: no client for the corrected number, no audit entry, one appointment.
        Assert.Equal(clients, await CountAsync(h, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE unverified_phone = '+14155550162'"));
        Assert.Equal(audits, await CountAsync(h, "SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM appointments WHERE idempotency_key = 'r26-yes-twice'"));
    }

    [StoreFact]
    public async Task A_proven_number_still_gets_its_texts_in_the_bookings_transaction_and_an_unproven_one_none()
    {
        await using var h = await StartAsync();
        // Ava, on her own line and known to the spa, books; then a web visitor types a new number.
        var ava = Verified(AvaPhone);
        await BookFirstSlotAsync(h, ava, "swedish", "2026-11-24");
        var avaTexts = await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE client_id = 'c-ava'");
        var visitor = SpaBookHarness.Scope("web");
        var (result, _) = await BookFirstSlotAsync(h, visitor, "swedish", "2026-11-25", ("client_phone", "415 555 0199"), ("client_name", "sam"));

        Assert.True(avaTexts >= 1, $"{avaTexts} texts for Ava");
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE to_address = '+14155550199'"));
        Assert.Equal("booked", Status(result));
        Assert.Equal(1, await CountAsync(h, "SELECT COUNT(*) FROM clients WHERE unverified_phone = '+14155550199'"));
    }
}
