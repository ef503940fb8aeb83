
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

    /// <summary>Two appointments of one client, booked the ordinary way: a Swedish Friday 9 AM and a Signature Facial Saturday.</summary>
    private static async Task<List<string>> TwoBookedAsync(AgentHarness h, string phone)
    {
        await h.TalkAsync("sms_seed1", "sms", phone, "swedish 60 friday morning", "first one", "yes");
        await h.TalkAsync("sms_seed2", "sms", phone, "signature facial saturday morning", "first one", "yes");
        var booked = await h.BookedLinesAsync(withStaff: false);
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
        Assert.Equal(before, await h.BookedLinesAsync(withStaff: false));

        var readBack = await h.TalkAsync("sms_m1", "sms", AvaPhone, "first one");
        Assert.True(AgentHarness.ReadBack(readBack, "reschedule_appointment"), h.Said);
        var second = (await h.TalkAsync("sms_m1", "sms", AvaPhone, "yes"))[^1];

        // The first is moved into next week; the second is offered next week's times, not yet moved.
        var afterFirst = await h.BookedLinesAsync(withStaff: false);
        Assert.Contains(afterFirst, a => a.StartsWith("swedish-60 2026-1", StringComparison.Ordinal) && string.CompareOrdinal(a[11..21], "2026-11-30") >= 0);
        Assert.Contains(before.Single(a => a.StartsWith("signature-facial", StringComparison.Ordinal)), afterFirst);
        Assert.Matches("(?i)signature facial", second.Text ?? "");
        Assert.Contains(second.ToolCalls, c => c.Name == "check_availability");

        await h.TalkAsync("sms_m1", "sms", AvaPhone, "first one", "yes");
        var moved = await h.BookedLinesAsync(withStaff: false);
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
        Assert.All(await h.BookedLinesAsync(withStaff: false), a => Assert.Contains(" 2026-11-27 ", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_no_to_the_second_of_two_moves_leaves_it_where_it_was()
    {
        await using var h = await AgentHarness.StartAsync();
        var before = await TwoBookedAsync(h, AvaPhone);

        await h.TalkAsync("sms_m3", "sms", AvaPhone, "can we move both to next week", "first one", "yes", "first one");
        var declined = (await h.TalkAsync("sms_m3", "sms", AvaPhone, "no"))[^1];

        Assert.DoesNotContain(declined.ToolCalls, c => c.Name == "reschedule_appointment" && c.Outcome == "rescheduled");
        Assert.Contains(before.Single(a => a.StartsWith("signature-facial", StringComparison.Ordinal)), await h.BookedLinesAsync(withStaff: false));
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

        Assert.False(AgentHarness.ReadBack(replies.Skip(1)), h.Said);
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

    // 6. Round 27's people. A provider's day or work asked: answered from the profile's staff list, nothing searched or booked.

    [Theory]
    [InlineData("is sofia working saturday?", "(?i)yes, sofia alvarez works saturday, november 28 at marina, 9 am to 4 pm")]
    [InlineData("is jordan in on sunday", "(?i)jordan reyes works sunday, november 29 at marina")]
    [InlineData("does maya work friday", "(?i)maya chen works friday, november 27 at mission district")]
    [InlineData("is priya working saturday", "(?i)priya patel isn't working saturday")]
    [InlineData("¿sofia trabaja el domingo?", "(?i)sofia alvarez trabaja el domingo 29 de noviembre en marina")]
    public async Task Whether_a_provider_works_a_day_is_answered_from_the_schedule(string text, string answer)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_p1", "sms", "+14155550944", text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches(answer, reply.Text ?? "");
        Assert.Empty(await h.BookedAsync());
    }

    [Theory]
    [InlineData("does maya do facials?", "(?i)maya chen doesn.t do .*priya patel.*sofia alvarez")]
    [InlineData("can priya do a chemical peel", "(?i)yes, priya patel does chemical peel")]
    [InlineData("does sofia do hydrafacials", "(?i)yes, sofia alvarez does hydrafacial")]
    public async Task What_a_provider_does_is_answered_from_the_staff_list(string text, string answer)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("web_p2", "web", null, text))[^1];

        Assert.Matches(answer, reply.Text ?? "");
        Assert.Empty(await h.EscalationsAsync());
    }

    // A cancellation said as a fact with "will i get charged?": read back (no charge outside the window said), done on the yes.
    [Theory]
    [InlineData("something came up, i need to cancel wednesday. will i get charged?")]
    [InlineData("i have to cancel my facial on wednesday, will i be charged?")]
    [InlineData("im gonna have to cancel wednesday sorry, is there a fee?")]
    public async Task A_cancellation_with_a_charge_question_is_read_back_with_the_answer(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c0", "sms", AvaPhone, "signature facial wednesday morning", "first one", "yes");

        var readBack = await h.TalkAsync("sms_c1", "sms", AvaPhone, text);

        Assert.True(AgentHarness.ReadBack(readBack, "cancel_appointment"), h.Said);
        Assert.Matches("(?i)no charge", readBack[^1].Text ?? "");
        Assert.Single(await h.BookedAsync());
        await h.TalkAsync("sms_c1", "sms", AvaPhone, "yes");
        Assert.Empty(await h.BookedAsync());
    }

    // "if i cancel … will i get charged?" stays a question about the policy: nothing read back.
    [Fact]
    public async Task A_charge_question_about_a_cancellation_not_made_is_only_answered()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c2", "sms", AvaPhone, "signature facial wednesday morning", "first one", "yes");

        var reply = await h.TalkAsync("sms_c3", "sms", AvaPhone, "if i cancel wednesday will i get charged?");

        Assert.False(AgentHarness.ReadBack(reply, "cancel_appointment"), h.Said);
        Assert.Matches("(?i)24 hours", reply[^1].Text ?? "");
    }

    // A name written before an e-mail, where the number was asked; the last digits of a number corrected at the read-back.
    [Theory]
    [InlineData("Lena Ortiz, lena.ortiz@gmail.com or 415 555 0931", "Lena Ortiz")]
    [InlineData("Omar Haddad omar.h@outlook.com", "Omar Haddad")]
    public void A_name_written_before_an_email_is_the_name(string text, string name) =>
        Assert.Equal(name, FrontDesk.Agent.Understanding.ContactExtractor.Extract(text).Name);

    [Theory]
    [InlineData("sorry its 0939 not 0938", "0939", "0938")]
    [InlineData("not 0938, 0939", "0939", "0938")]
    [InlineData("oops 39 not 38 at the end", "39", "38")]
    public void Last_digits_corrected_are_read(string text, string right, string wrong) =>
        Assert.Equal((right, wrong), FrontDesk.Agent.Understanding.ReplyCues.DigitsCorrected(text));

    [Fact]
    public async Task Last_digits_corrected_at_the_read_back_book_on_the_corrected_number()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_n1", "voice", null, "swedish 60 friday morning", "first one", "Mark Ruiz 415 555 0938", "sorry its 0939 not 0938");

        // The same slot read back again, saying the corrected number back; nothing booked on the old one.
        Assert.True(AgentHarness.ReadBack(replies.Skip(3)), h.Said);
        Assert.Contains("0939", replies[^1].Text ?? "", StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("voice_n1", "voice", null, "yes");
        Assert.Single(await h.BookedAsync());
    }

    // "anything sooner" at a read-back: earlier days searched, nothing booked on it.
    [Theory]
    [InlineData("hmm do you have anything sooner")]
    [InlineData("anything sooner than that?")]
    public async Task Anything_sooner_at_a_read_back_offers_earlier_days(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_s1", "sms", AvaPhone, "swedish 60 saturday", "first one", text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain("Saturday", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
    }

    // Two people at the same time: what the spa can do is said before anything is offered.
    [Theory]
    [InlineData("can my husband and i get massages at the same time friday?")]
    [InlineData("me and my sister want facials together on saturday")]
    public async Task Two_people_at_the_same_time_are_told_what_the_spa_can_do(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("web_g1", "web", null, text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "book_appointment");
        Assert.Contains(reply.ToolCalls, c => c.Name == "answer_faq");
    }
}
