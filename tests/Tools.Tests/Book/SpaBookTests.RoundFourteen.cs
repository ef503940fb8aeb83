using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Waitlist;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task Find_waitlist_offer_says_which_opening_was_texted()
    {
        await using var h = await StartAsync();
        await WaitlistSceneAsync(h);
        await CancelViaToolsAsync(h, AvaPhone);

        var found = await CallAsync(h, Verified(BenPhone), "find_waitlist_offer");

        Assert.Equal("ok", Status(found));
        Assert.Equal("prenatal-60", Prop(Data(found), "service_id").GetString());
        Assert.Equal("2026-11-24T10:00", Prop(Prop(Data(found), "appointment"), "local_start").GetString());
    }

    [StoreFact]
    public async Task Declining_the_offer_and_leaving_passes_the_hold_to_the_next_waiter_and_removes_the_entry()
    {
        await using var h = await StartAsync();
        await WaitlistSceneAsync(h);
        await CancelViaToolsAsync(h, AvaPhone);
        var waitlist = h.Get<WaitlistBook>();
        var first = (await waitlist.FindPendingOfferAsync("c-ben", default))!;

        var declined = await CallAsync(h, Verified(BenPhone), "decline_waitlist_offer", ("leave_waitlist", true));

        Assert.Equal("declined", Status(declined));
        Assert.Null(await waitlist.FindPendingOfferAsync("c-ben", default));
        Assert.Equal("not_found", Status(await CallAsync(h, Verified(BenPhone), "decline_waitlist_offer")));
        var next = await waitlist.FindPendingOfferAsync("c-chloe", default);
        Assert.NotNull(next);
        Assert.Equal(first.AppointmentId, next.AppointmentId);
        Assert.Equal("c-chloe", (await h.Get<AppointmentBook>().GetAsync(first.AppointmentId, default))!.ClientId);
        Assert.Contains(await waitlist.ListAsync("removed", default), e => e.ClientId == "c-ben");
    }

    [StoreFact]
    public async Task Declining_the_offer_without_leaving_keeps_the_entry_waiting()
    {
        await using var h = await StartAsync();
        await WaitlistSceneAsync(h);
        await CancelViaToolsAsync(h, AvaPhone);

        Assert.Equal("declined", Status(await CallAsync(h, Verified(BenPhone), "decline_waitlist_offer")));

        Assert.Contains(await h.Get<WaitlistBook>().ListAsync("waiting", default), e => e.ClientId == "c-ben");
        Assert.NotNull(await h.Get<WaitlistBook>().FindPendingOfferAsync("c-chloe", default));
    }

    [StoreFact]
    public async Task A_texter_booking_for_someone_else_with_her_name_and_number_books_under_that_person_unproven()
    {
        await using var h = await StartAsync();
        // Ava texts: "its for my mom … her name is Rosa Lindqvist and her cell is 415 555 0609".
        var ava = Verified(AvaPhone);
        await BookFirstSlotAsync(h, ava, "signature facial", "2026-11-27", ("client_phone", "415 555 0609"), ("client_name", "Rosa Lindqvist"));

        var booked = Assert.Single(await BookedAppointmentsAsync(h));
        var mom = (await h.Get<FrontDesk.Tools.Clients.ClientDirectory>().GetAsync(booked.ClientId, default))!;
        Assert.Equal("Rosa Lindqvist", mom.Name);
        Assert.Equal("+14155550609", mom.UnverifiedPhone);
        Assert.Null(mom.Phone);
        Assert.NotEqual("c-ava", booked.ClientId);
    }

    [StoreFact]
    public async Task A_texter_giving_their_own_number_again_books_under_their_own_record()
    {
        await using var h = await StartAsync();
        await BookFirstSlotAsync(h, Verified(AvaPhone), "signature facial", "2026-11-27", ("client_phone", "415-555-1111"), ("client_name", "Ava Thompson"));

        Assert.Equal("c-ava", Assert.Single(await BookedAppointmentsAsync(h)).ClientId);
    }
}
