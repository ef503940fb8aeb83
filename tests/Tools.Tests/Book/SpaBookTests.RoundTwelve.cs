using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

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
}
