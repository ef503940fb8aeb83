using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>What is offered first, services named with their length, and days relative to the one in play.</summary>
public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task Actually_make_it_4_takes_the_4_pm_slot_on_offer_and_yes_books_four()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("off_4", "voice", AvaPhone, "a swedish 60 on the 14th at 3", "actually make it 4");
        // 4 PM was among the times offered around 3: the correction picks it and reads it back (issue 12, class 2).
        Assert.Contains("4 PM", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Just to confirm: Swedish Massage (60 min)", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("December 14 at 4 PM", replies[1].Text, StringComparison.Ordinal);
        await h.TalkAsync("off_4", "voice", AvaPhone, "yes");
        var booked = h.One(await h.BookedAsync());
        Assert.Equal(new DateTime(2026, 12, 14, 16, 0, 0), h.Local(booked));
    }

    [StoreFact]
    public async Task A_closed_day_after_5_offers_other_days_after_5()
    {
        await using var h = await StartAsync();
        // Today is Monday November 23; Thursday November 26 is a closure at both locations.
        var reply = (await h.TalkAsync("off_closed", "voice", AvaPhone, "a swedish 60 thursday after 5"))[0];
        Assert.Contains("closed that day", reply.Text, StringComparison.Ordinal);
        var offered = reply.ToolCalls.Single(c => c.Name == "check_availability");
        Assert.Equal("no_slots", offered.Outcome);
        var times = System.Text.RegularExpressions.Regex.Matches(reply.Text!, @"at (\d{1,2})(?::\d\d)? (AM|PM)").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.True(t.Item2 == "PM" && int.Parse(t.Item1, System.Globalization.CultureInfo.InvariantCulture) is >= 5 and < 12, reply.Text));
    }

    [StoreFact]
    public async Task Swedish_60_on_the_14th_at_3_picks_the_60_minute_service_and_keeps_3_as_the_time()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("dur_60", "voice", AvaPhone, "swedish 60 on the 14th at 3"))[0];
        var search = reply.ToolCalls.Single(c => c.Name == "check_availability");
        Assert.Contains("\"service\":\"swedish-60\"", search.Arguments, StringComparison.Ordinal);
        Assert.Contains("\"near\":\"15:00\"", search.Arguments, StringComparison.Ordinal);
        Assert.DoesNotContain("60 or 90", reply.Text, StringComparison.Ordinal);
        Assert.Contains("December 14 at 3 PM", reply.Text, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_number_that_is_no_options_length_still_asks_which_one()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("dur_3", "voice", AvaPhone, "swedish at 3 on the 14th"))[0];
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Contains("Which one would you like?", reply.Text, StringComparison.Ordinal);
        var picked = (await h.TalkAsync("dur_3", "voice", AvaPhone, "the 90 minute one"))[0];
        var search = picked.ToolCalls.Single(c => c.Name == "check_availability");
        Assert.Contains("\"service\":\"swedish-90\"", search.Arguments, StringComparison.Ordinal);
        Assert.Contains("\"near\":\"15:00\"", search.Arguments, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Ok_what_about_the_day_after_at_the_read_back_books_nothing_and_searches_the_next_day()
    {
        await using var h = await StartAsync();
        var before = await h.TalkAsync("rel_after", "voice", AvaPhone, "swedish 60 on the 14th at 3", "the first one");
        Assert.Contains("Shall I book it?", before[^1].Text, StringComparison.Ordinal);
        var reply = (await h.TalkAsync("rel_after", "voice", AvaPhone, "ok what about the day after"))[0];
        Assert.Empty(await h.AppointmentsAsync());
        var search = reply.ToolCalls.Single(c => c.Name == "check_availability");
        Assert.Contains("\"date\":\"2026-12-15\"", search.Arguments, StringComparison.Ordinal);
        Assert.Contains("\"near\":\"15:00\"", search.Arguments, StringComparison.Ordinal);
        await h.TalkAsync("rel_after", "voice", AvaPhone, "the first one", "yes");
        Assert.Equal(new DateOnly(2026, 12, 15), DateOnly.FromDateTime(h.Local(h.One(await h.BookedAsync()))));
    }

    [StoreFact]
    public async Task The_day_before_and_the_following_week_move_from_the_day_offered()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("rel_more", "web", null, "swedish 60 on the 16th");
        var dayBefore = (await h.TalkAsync("rel_more", "web", null, "hmm what about the day before?"))[0];
        Assert.Contains("\"date\":\"2026-12-15\"", dayBefore.ToolCalls.Single(c => c.Name == "check_availability").Arguments, StringComparison.Ordinal);
        var nextWeek = (await h.TalkAsync("rel_more", "web", null, "ok, the following week then"))[0];
        var args = nextWeek.ToolCalls.Single(c => c.Name == "check_availability").Arguments;
        Assert.Contains("\"date\":\"2026-12-21\"", args, StringComparison.Ordinal);
        Assert.Contains("\"end_date\":\"2026-12-27\"", args, StringComparison.Ordinal);
        Assert.Empty(await h.AppointmentsAsync());
    }

    [StoreFact]
    public async Task The_day_after_with_no_day_in_play_is_not_invented()
    {
        await using var h = await StartAsync();
        var reply = (await h.TalkAsync("rel_none", "web", null, "a swedish 60, the day after"))[0];
        Assert.DoesNotContain(reply.ToolCalls, c => c.Arguments.Contains("\"date\"", StringComparison.Ordinal));
    }
}
