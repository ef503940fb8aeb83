using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>Corrections, "never mind" and "start over" in the middle of a booking.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task Actually_make_it_4_moves_the_offers_to_four_oclock()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("c_4", "voice", AvaPhone, "I'd like a deep tissue massage on wednesday at 11", "actually make it 4", "4 pm please", "yes");
        Assert.Contains(replies[1].ToolCalls, c => c.Name == "check_availability" && c.Arguments.Contains("\"near\":\"16:00\"", StringComparison.Ordinal));
        var booked = h.One(await h.BookedAsync());
        Assert.True(TimeOnly.FromDateTime(h.Local(booked)) == new TimeOnly(16, 0), $"booked at {h.Local(booked)}{h.Said}");
        Assert.Equal(DayOfWeek.Wednesday, h.Local(booked).DayOfWeek);
    }

    [StoreFact]
    public async Task No_friday_at_the_read_back_books_nothing_and_offers_friday()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("c_thu", "voice", AvaPhone, "I'd like a signature facial on wednesday", "the first one", "no, Friday");
        Assert.Empty(await h.AppointmentsAsync());
        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "check_availability" && c.Outcome == "ok");
        await h.TalkAsync("c_thu", "voice", AvaPhone, "the first one", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal(DayOfWeek.Friday, h.Local(booked).DayOfWeek);
    }

    [StoreFact]
    public async Task Never_mind_drops_the_booking_and_a_later_yes_books_nothing()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("c_nm", "voice", AvaPhone, "book a hydrafacial on wednesday", "the first one", "never mind", "yes");
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task Start_over_forgets_the_first_service()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("c_so", "voice", AvaPhone, "book a hydrafacial on wednesday", "start over", "I'd like a swedish massage 60 minutes on friday", "the first one", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("swedish-60", booked.ServiceId);
        Assert.Equal(DayOfWeek.Friday, h.Local(booked).DayOfWeek);
    }

    [StoreFact]
    public async Task Harbor_a_correction_of_the_day_books_the_new_day()
    {
        await using var h = await StartHarborAsync();
        await h.TalkAsync("h_corr", "voice", NoraPhone, "gel manicure on wednesday please", "no, friday", "the first one", "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("gel-manicure", booked.ServiceId);
        Assert.Equal(DayOfWeek.Friday, h.Local(booked).DayOfWeek);
        Assert.Equal(AppointmentStatus.Booked, booked.Status);
    }

    [StoreFact]
    public async Task A_yes_when_asked_for_a_name_is_not_taken_as_the_name()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("c_yes", "voice", "+14155550123", "book a hydrafacial on wednesday", "the first one", "yes");
        Assert.Empty(await h.AppointmentsAsync());
        Assert.DoesNotContain(replies[^1].ToolCalls, c => c.Name == "book_appointment");
        await h.TalkAsync("c_yes", "voice", "+14155550123", "Jamie Rivera", "yes");
        var booked = h.One(await h.BookedAsync());
        var client = await h.Book.Get<FrontDesk.Tools.Clients.ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal("Jamie Rivera", client!.Name);
    }

    [StoreTheory]
    [InlineData("hold on, can we do 4 instead?")]
    [InlineData("how about 4 instead")]
    [InlineData("ok what about 4")]
    public async Task A_new_time_at_the_read_back_is_a_correction_not_a_question_or_a_yes(string correction)
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("c_inst", "voice", AvaPhone, "I'd like a hydrafacial on wednesday at 2", "the first one", correction);
        Assert.Empty(await h.AppointmentsAsync());
        Assert.DoesNotContain(replies[^1].ToolCalls, c => c.Name == "answer_faq");
        Assert.Contains(replies[^1].ToolCalls, c => c.Name == "check_availability" && c.Arguments.Contains("\"near\":\"16:00\"", StringComparison.Ordinal));
        Assert.Empty(await h.EscalationsAsync());
    }

    [StoreFact]
    public async Task The_waitlist_refuses_a_closed_day_and_a_date_past_the_booking_horizon()
    {
        await using var h = await StartAsync();
        var closed = await h.TalkAsync("wl_closed", "voice", AvaPhone, "please add me to the waitlist for a hydrafacial", "november 26");
        Assert.Contains(closed[^1].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "refused");
        Assert.Contains("closed", closed[^1].Text, StringComparison.OrdinalIgnoreCase);
        var far = await h.TalkAsync("wl_far", "voice", AvaPhone, "please add me to the waitlist for a hydrafacial", "march 30");
        Assert.Contains(far[^1].ToolCalls, c => c.Name == "join_waitlist" && c.Outcome == "refused");
        Assert.Contains("60 days ahead", far[^1].Text, StringComparison.Ordinal);
        Assert.Empty(await h.WaitlistAsync());
    }

    [StoreFact]
    public async Task A_date_past_the_horizon_says_how_far_ahead_we_book_and_a_holiday_says_we_are_closed()
    {
        await using var h = await StartAsync();
        var far = (await h.TalkAsync("far_1", "voice", AvaPhone, "hydrafacial on march 30"))[0];
        Assert.Contains("60 days ahead", far.Text, StringComparison.Ordinal);
        var holiday = (await h.TalkAsync("hol_1", "voice", AvaPhone, "hydrafacial on december 25"))[0];
        Assert.Contains("closed", holiday.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await h.AppointmentsAsync());
    }
}
