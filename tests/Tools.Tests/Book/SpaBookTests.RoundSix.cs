using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task A_move_an_hour_later_that_overlaps_the_appointment_itself_is_offered_and_made()
    {
        // A 90-minute massage at 9 moved to 10 overlaps its own old time: the appointment being moved blocks nothing.
        await using var h = await StartAsync();
        var ava = Verified(AvaPhone);
        var (_, first) = await BookFirstSlotAsync(h, ava, "swedish-90", "2026-11-27");
        Assert.StartsWith("2026-11-27T09:00", Prop(first, "local_start").GetString()!, StringComparison.Ordinal);

        ava.BeginTurn(null);
        await CallAsync(h, ava, "list_appointments");
        var offer = await CallAsync(h, ava, "check_availability", ("service", "swedish-90"), ("date", "2026-11-27"), ("near", "10:00"), ("reschedule_ref", "A1"));
        Assert.Equal("ok", Status(offer));
        var tenAm = Slots(offer).Single(s => Prop(s, "local_start").GetString()!.StartsWith("2026-11-27T10:00", StringComparison.Ordinal));
        var slotId = Prop(tenAm, "slot_id").GetString();

        Assert.Equal("needs_confirmation", Status(await CallAsync(h, ava, "reschedule_appointment", ("appointment_ref", "A1"), ("slot_id", slotId))));
        ava.BeginTurn(saidYes: true);
        Assert.Equal("rescheduled", Status(await CallAsync(h, ava, "reschedule_appointment", ("appointment_ref", "A1"), ("slot_id", slotId))));
        var moved = Assert.Single(await h.Get<AppointmentBook>().ListForClientAsync("c-ava", DateTime.MinValue, default), a => a.Status == AppointmentStatus.Booked);
        Assert.Equal(ava.Offered.Single(o => o.SlotId == slotId).StartsAtUtc, moved.StartsAtUtc);
    }

    [StoreFact]
    public async Task Check_availability_leaves_out_the_providers_asked_not_to_have()
    {
        // Tuesday: Maya at Mission District, Jordan at Marina. "someone else than Maya" leaves only Jordan.
        await using var h = await StartAsync();
        var scope = Verified(AvaPhone);

        var all = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("date", "2026-11-24"), ("after", "12:00"));
        var others = await CallAsync(h, scope, "check_availability", ("service", "swedish-60"), ("date", "2026-11-24"), ("after", "12:00"), ("exclude_provider", "Maya Chen"));

        Assert.Contains(Slots(all), s => Prop(s, "provider").GetString() == "Maya Chen");
        Assert.NotEmpty(Slots(others));
        Assert.All(Slots(others), s => Assert.Equal("Jordan Reyes", Prop(s, "provider").GetString()));
    }
}
