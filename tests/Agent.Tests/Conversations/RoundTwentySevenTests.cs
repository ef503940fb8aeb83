using System.Globalization;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 27: round 26's leftovers (two appointments moved at once; the arrival question without "for my …"; a
/// weekday whose coming one is closed at one place only; two times asked back over a window with many openings; a waitlist
/// offer answered with a counter-proposal), then round 27's people (tests/scenarios/people-round27.yaml). Written before the
/// code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentySevenTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string ChloePhone = "+14155553333";

    private static async Task<List<string>> BookedAsync(AgentHarness h) =>
        [.. (await h.BookedAsync()).Select(a => $"{a.ServiceId} {h.Local(a).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}").Order()];

    private static bool ReadBack(IEnumerable<AgentReply> replies, string tool = "book_appointment") =>
        replies.SelectMany(r => r.ToolCalls).Any(c => c.Name == tool && c.Outcome == "needs_confirmation");

    /// <summary>Two appointments of one client, booked the ordinary way: a Swedish Friday 9 AM and a Signature Facial Saturday.</summary>
    private static async Task<List<string>> TwoBookedAsync(AgentHarness h, string phone)
    {
        await h.TalkAsync("sms_seed1", "sms", phone, "swedish 60 friday morning", "first one", "yes");
        await h.TalkAsync("sms_seed2", "sms", phone, "signature facial saturday morning", "first one", "yes");
        var booked = await BookedAsync(h);
        Assert.Equal(2, booked.Count);
        return booked;
    }

    // 1. Two appointments moved at once: one after the other, each read back and moved only on its own yes; nothing moves on
    // the first message.

    [Theory]
    [InlineData("can we move both to next week")]
    [InlineData("move them both to next week pls")]
    [InlineData("can you push both of my appointments to next week?")]
    public async Task Both_appointments_moved_to_next_week_go_one_after_the_other(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        var before = await TwoBookedAsync(h, AvaPhone);

        var first = (await h.TalkAsync("sms_m1", "sms", AvaPhone, text))[^1];

        Assert.Contains(first.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches("(?i)one at a time", first.Text ?? "");
        Assert.Matches("(?i)swedish", first.Text ?? "");
        Assert.Equal(before, await BookedAsync(h));

        var readBack = await h.TalkAsync("sms_m1", "sms", AvaPhone, "first one");
        Assert.True(ReadBack(readBack, "reschedule_appointment"), h.Said);
        var second = (await h.TalkAsync("sms_m1", "sms", AvaPhone, "yes"))[^1];

        // The first is moved into next week; the second is offered next week's times, not yet moved.
        var afterFirst = await BookedAsync(h);
        Assert.Contains(afterFirst, a => a.StartsWith("swedish-60 2026-1", StringComparison.Ordinal) && string.CompareOrdinal(a[11..21], "2026-11-30") >= 0);
        Assert.Contains(before.Single(a => a.StartsWith("signature-facial", StringComparison.Ordinal)), afterFirst);
        Assert.Matches("(?i)signature facial", second.Text ?? "");
        Assert.Contains(second.ToolCalls, c => c.Name == "check_availability");

        await h.TalkAsync("sms_m1", "sms", AvaPhone, "first one", "yes");
        var moved = await BookedAsync(h);
        Assert.Equal(2, moved.Count);
        Assert.All(moved, a => Assert.True(string.CompareOrdinal(a[^16..^6], "2026-11-30") >= 0, a));
    }

    [Fact]
    public async Task Both_pushed_to_friday_in_spanish_go_one_after_the_other()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed1", "sms", BenPhone, "hydrafacial tuesday morning", "first one", "yes");
        await h.TalkAsync("sms_seed2", "sms", BenPhone, "swedish 60 wednesday afternoon", "first one", "yes");

        var first = (await h.TalkAsync("sms_m2", "sms", BenPhone, "se pueden pasar las dos al viernes?"))[^1];

        Assert.Contains(first.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches("(?i)hydrafacial", first.Text ?? "");
        await h.TalkAsync("sms_m2", "sms", BenPhone, "la primera", "sí", "la primera", "sí");
        Assert.All(await BookedAsync(h), a => Assert.Contains(" 2026-11-27 ", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_no_to_the_second_of_two_moves_leaves_it_where_it_was()
    {
        await using var h = await AgentHarness.StartAsync();
        var before = await TwoBookedAsync(h, AvaPhone);

        await h.TalkAsync("sms_m3", "sms", AvaPhone, "can we move both to next week", "first one", "yes", "first one");
        var declined = (await h.TalkAsync("sms_m3", "sms", AvaPhone, "no"))[^1];

        Assert.DoesNotContain(declined.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "rescheduled");
        Assert.Contains(before.Single(a => a.StartsWith("signature-facial", StringComparison.Ordinal)), await BookedAsync(h));
    }

    // 2. The arrival question without "for my …" from someone with a booking: the arrival answer, never a booking, and no
    // "did you mean" for a question this plain.

    [Theory]
    [InlineData("when should i get there, it's at 2")]
    [InlineData("what time do i need to arrive tmrw")]
    [InlineData("how early should i show up")]
    [InlineData("what time should we be there tomorrow")]
    [InlineData("when do i need to get there")]
    public async Task When_to_get_there_without_for_my_is_the_arrival_answer(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_a1", "sms", AvaPhone, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Outcome == "did_you_mean");
        Assert.Matches("(?i)10 minutes", reply.Text ?? "");
    }

    // 3. A weekday said as any such day skips a closure at the place the conversation is about: the Marina is closed on
    // Christmas Eve (a Thursday) while Mission is open.

    [Theory]
    [InlineData("what time does the marina close on a thursday", "(?i)6 pm")]
    [InlineData("how late is the marina open on thursdays", "(?i)6 pm")]
    [InlineData("¿hasta qué hora abren los jueves en la marina?", "(?i)6 p\\. m\\.")]
    public async Task A_weekday_closed_at_the_place_named_gives_that_places_hours(string text, string hours)
    {
        await using var h = await AgentHarness.StartAsync();
        h.Book.Clock.Advance(TimeSpan.FromDays(28));

        var reply = (await h.TalkAsync("web_c1", "web", null, text))[^1];

        Assert.Matches(hours, reply.Text ?? "");
    }

    // 4. Two times asked back at an offer, the window between them holding many openings: the second time is on offer.

    [Theory]
    [InlineData("would 10 or 3 be better?", "(?i)3 PM")]
    [InlineData("is 11 or 4 better", "(?i)4 PM")]
    public async Task Two_times_asked_back_offer_the_second_one_too(string asked, string second)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_t1", "sms", AvaPhone, "swedish 60 saturday", asked);

        Assert.False(ReadBack(replies.Skip(1)), h.Said);
        Assert.Matches(second, replies[^1].Text ?? "");
    }

    // 5. A waitlist offer answered with a counter-proposal: the new search, never the waitlist joined nor a silent decline.

    [Theory]
    [InlineData("can't do saturday, anything friday after 3?", "(?i)friday, november 27 at [3-6]")]
    [InlineData("cant really do the list, anything friday after 3?", "(?i)friday, november 27 at [3-6]")]
    [InlineData("what about monday morning", "(?i)monday, november 30 at (9|10|11)")]
    public async Task A_counter_proposal_to_a_waitlist_offer_is_searched(string counter, string offered)
    {
        await using var h = await AgentHarness.StartAsync();

        var offer = (await h.TalkAsync("sms_w1", "sms", ChloePhone, "prenatal massage saturday at 3"))[^1];
        Assert.Matches("(?i)wait ?list", offer.Text ?? "");

        var reply = (await h.TalkAsync("sms_w1", "sms", ChloePhone, counter))[^1];

        Assert.Matches(offered, reply.Text ?? "");
        Assert.Empty(await h.WaitlistAsync());
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task Only_if_its_with_a_provider_at_a_waitlist_offer_searches_that_provider()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("sms_w2", "sms", ChloePhone, "prenatal massage saturday at 3");
        var reply = (await h.TalkAsync("sms_w2", "sms", ChloePhone, "only if it's with maya"))[^1];

        Assert.Contains("Maya", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Empty(await h.WaitlistAsync());
    }
}
