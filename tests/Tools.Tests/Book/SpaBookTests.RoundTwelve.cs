using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Booking_that_replaces_an_appointment_reads_back_both_and_cancels_the_old_one_only_after_the_new_one_is_booked()
    {
        // "move my tuesday massage to friday and make it the 90 min": another service is a new booking in its place.
        await using var h = await StartAsync();
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var tuesday = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 10));
        await book.InsertAsync(tuesday, Tester, default);
        var ava = Verified(AvaPhone);
        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish-90"), ("date", "2026-11-27"));
        var slotId = Prop(Slots(offer)[0], "slot_id").GetString();

        var asked = await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"));

        Assert.Equal("needs_confirmation", Status(asked));
        Assert.Equal("Swedish Massage (60 min)", Prop(Prop(Data(asked), "replaces"), "service").GetString());
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(tuesday.Id, default))!.Status);

        ava.BeginTurn(saidYes: true);
        var done = await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"));

        Assert.Equal("booked", Status(done));
        Assert.True(Prop(Data(done), "replaced_cancelled").GetBoolean());
        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(tuesday.Id, default))!.Status);
        var mine = await book.ListForClientAsync("c-ava", DateTime.MinValue, default);
        Assert.Single(mine, a => a.Status == AppointmentStatus.Booked && a.ServiceId == "swedish-90");
    }

    [StoreFact]
    public async Task Booking_that_replaces_someone_elses_appointment_finds_none_and_books_nothing()
    {
        await using var h = await StartAsync();
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var bens = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 10), clientId: "c-ben");
        await book.InsertAsync(bens, Tester, default);
        var ava = Verified(AvaPhone);
        ava.BeginTurn(null);
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish-90"), ("date", "2026-11-27"));
        var slotId = Prop(Slots(offer)[0], "slot_id").GetString();

        Assert.Equal("not_found", Status(await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", bens.Id))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("not_found", Status(await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", bens.Id))));
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(bens.Id, default))!.Status);
        Assert.Empty(await book.ListForClientAsync("c-ava", DateTime.MinValue, default));
    }

    /// <summary>
    /// "switch my friday massage to a deep tissue, same time if possible": Ava's Swedish on Friday at 10 with Maya, and
    /// the deep tissue she wants in its place, same provider, same room, same time.
    /// </summary>
    private async Task<(ConversationScope Ava, Appointment Friday, string SlotId)> OfferDeepTissueInPlaceOfFridayAsync(SpaBookHarness h)
    {
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var friday = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 27, 10));
        await h.Get<AppointmentBook>().InsertAsync(friday, Tester, default);
        var ava = Verified(AvaPhone);
        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        var offer = await CallAsync(h, ava, "check_availability",
            ("service", "deep tissue"), ("date", "2026-11-27"), ("near", "10:00"), ("provider", "maya"), ("replaces_ref", "A1"));
        Assert.Equal("ok", Status(offer));
        var ten = Assert.Single(Slots(offer), s => Prop(s, "local_start").GetString() == "2026-11-27T10:00");
        return (ava, friday, Prop(ten, "slot_id").GetString()!);
    }

    [StoreFact]
    public async Task Change_of_service_at_the_same_time_is_offered_and_booked_in_one_step_with_the_old_one_cancelled()
    {
        await using var h = await StartAsync();
        var book = h.Get<AppointmentBook>();
        var (ava, friday, slotId) = await OfferDeepTissueInPlaceOfFridayAsync(h);

        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"))));
        ava.BeginTurn(saidYes: true);
        var done = await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"));

        Assert.Equal("booked", Status(done));
        Assert.True(Prop(Data(done), "replaced_cancelled").GetBoolean());
        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(friday.Id, default))!.Status);
        var now = Assert.Single(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.Status == AppointmentStatus.Booked);
        Assert.Equal(("deep-tissue-60", "maya", "mission-massage-1", friday.StartsAtUtc), (now.ServiceId, now.StaffId, now.RoomId, now.StartsAtUtc));
        // Both changes committed with their audit entries, by this conversation.
        Assert.True(await book.ChangedByAsync(friday.Id, "appointment.cancelled", ava.ConversationId, default));
    }

    [StoreFact]
    public async Task Slot_offered_in_place_of_an_appointment_is_not_booked_beside_it_or_for_someone_elses_time()
    {
        await using var h = await StartAsync();
        var profile = h.Get<FrontDesk.Tools.Profile.SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var (ava, friday, slotId) = await OfferDeepTissueInPlaceOfFridayAsync(h);

        // Booked as a plain booking, the slot would sit on top of the Friday Swedish: refused before any read-back.
        Assert.Equal("bad_argument", Status(await CallAsync(h, ava, "book_appointment", ("slot_id", slotId))));

        // Only the replaced appointment's time counts as free: Ben's 11:15 with Maya (right after Ava's buffer) still blocks
        // every later start that morning.
        var (outcome, _) = await book.InsertAsync(
            NewAppointment(profile, "swedish-60", "maya", "mission-massage-2", Utc(profile, 2026, 11, 27, 11, 15), clientId: "c-ben"), Tester, default);
        Assert.Equal(BookingOutcome.Booked, outcome);
        ava.BeginTurn(null);
        var offer = await CallAsync(h, ava, "check_availability",
            ("service", "deep tissue"), ("date", "2026-11-27"), ("after", "10:15"), ("before", "11:30"), ("provider", "maya"), ("replaces_ref", "A1"));
        Assert.True(Status(offer) == "no_slots", offer.ToString());
        Assert.Equal(AppointmentStatus.Booked, (await book.GetAsync(friday.Id, default))!.Status);
    }

    [StoreFact]
    public async Task Replacement_whose_turn_died_after_its_commit_left_one_appointment_and_its_retry_books_nothing_again()
    {
        // The instance dies after the booking's commit, before the tool returns or the turn is stored (issue 15, item 2).
        await using var h = await StartAsync();
        var book = h.Get<AppointmentBook>();
        var (ava, friday, slotId) = await OfferDeepTissueInPlaceOfFridayAsync(h);
        await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"));
        ava.BeginTurn(saidYes: true);
        h.Get<FaultPoints>().OnPoint = point => point == FaultPoints.BookingCommitted ? throw new InvalidOperationException("instance died") : ValueTask.CompletedTask;

        await Assert.ThrowsAnyAsync<Exception>(() => CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1")));

        // Never both, never neither: the new one and the old one's cancellation committed together.
        Assert.Equal(AppointmentStatus.Cancelled, (await book.GetAsync(friday.Id, default))!.Status);
        var booked = Assert.Single(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.Status == AppointmentStatus.Booked);

        // The retry of the same "yes" (same scope, same idempotency key) finds the replacement done.
        h.Get<FaultPoints>().OnPoint = null;
        var retried = await CallAsync(h, ava, "book_appointment", ("slot_id", slotId), ("replaces_ref", "A1"));

        Assert.Equal("booked", Status(retried));
        Assert.True(Prop(Data(retried), "already_booked").GetBoolean());
        Assert.True(Prop(Data(retried), "replaced_cancelled").GetBoolean());
        Assert.Equal(booked.Id, Assert.Single(await book.ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.Status == AppointmentStatus.Booked).Id);
    }
}
