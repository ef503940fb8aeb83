
namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 28: round 27's leftovers (a move tries the appointment's own provider and place first; a provider named in
/// a move; "move both" with a no at the first read-back and a change of subject; what a provider does of a kind, short; a
/// provider's days with no day said; two people at one time), then round 28's people (tests/scenarios/people-round28.yaml).
/// Written before the code. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyEightTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string NoraPhone = "+12075551234";

    /// <summary>A Signature Facial with Priya at Mission on Tuesday the 24th, booked the ordinary way.</summary>
    private static async Task FacialWithPriyaTuesdayAsync(AgentHarness h, string phone)
    {
        await h.TalkAsync("sms_seed", "sms", phone, "signature facial with priya tuesday morning", "first one", "yes");
        var booked = await h.BookedLinesAsync();
        Assert.True(booked is [var one] && one.StartsWith("signature-facial priya 2026-11-24", StringComparison.Ordinal), h.Said);
    }

    // 1. A move tries the appointment's own provider (and place) first; others only when they are not free then, said plainly.

    [Theory]
    [InlineData("push it back a week?")]
    [InlineData("can we do the same time next week instead")]
    [InlineData("can i move it to next tuesday")]
    public async Task A_move_offers_the_same_provider_first(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await FacialWithPriyaTuesdayAsync(h, AvaPhone);

        var reply = (await h.TalkAsync("sms_m1", "sms", AvaPhone, text))[^1];

        Assert.Contains("Priya", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Sofia", reply.Text ?? "", StringComparison.Ordinal);
        Assert.Single(await h.BookedAsync());
    }

    [Theory]
    [InlineData("can i move it to saturday")]
    [InlineData("could we push it to sunday afternoon")]
    public async Task A_move_to_a_day_the_provider_is_off_says_so_and_offers_others(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await FacialWithPriyaTuesdayAsync(h, AvaPhone);

        var reply = (await h.TalkAsync("sms_m2", "sms", AvaPhone, text))[^1];

        Assert.Matches("(?i)priya (patel )?isn.t (free|working)", reply.Text ?? "");
        Assert.Contains("Sofia", reply.Text ?? "", StringComparison.Ordinal);
        Assert.False(AgentHarness.ReadBack([reply], "reschedule_appointment"), h.Said);
    }

    [Theory]
    [InlineData("move it to friday with sofia")]
    [InlineData("can sofia do it on friday instead")]
    public async Task A_move_naming_someone_else_gets_who_was_named(string text)
    {
        await using var h = await AgentHarness.StartAsync();
        await FacialWithPriyaTuesdayAsync(h, BenPhone);

        var reply = (await h.TalkAsync("sms_m3", "sms", BenPhone, text))[^1];

        Assert.Contains("Sofia", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Priya Patel at", reply.Text ?? "", StringComparison.Ordinal);
        await h.TalkAsync("sms_m3", "sms", BenPhone, "first one", "yes");
        Assert.Contains(await h.BookedLinesAsync(), a => a.StartsWith("signature-facial sofia 2026-11-27", StringComparison.Ordinal));
    }

    // 2. "move both": a no at the first read-back, then something else; after that answer the second is asked about, and
    // moved only on its own yes.

    [Theory]
    [InlineData("whats parking like at the marina", "(?i)parking")]
    [InlineData("do you have showers?", "(?i)shower")]
    public async Task A_no_to_the_first_of_two_moves_then_a_question_asks_about_the_second(string question, string answered)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed1", "sms", AvaPhone, "swedish 60 friday morning", "first one", "yes");
        await h.TalkAsync("sms_seed2", "sms", AvaPhone, "signature facial saturday morning", "first one", "yes");
        var before = await h.BookedLinesAsync();

        await h.TalkAsync("sms_b1", "sms", AvaPhone, "move both to next week", "first one", "no");
        var reply = (await h.TalkAsync("sms_b1", "sms", AvaPhone, question))[^1];

        Assert.Matches(answered, reply.Text ?? "");
        Assert.Matches("(?i)signature facial.*\\?", reply.Text ?? "");
        Assert.Equal(before, await h.BookedLinesAsync());

        var offered = (await h.TalkAsync("sms_b1", "sms", AvaPhone, "yes"))[^1];
        Assert.Contains(offered.ToolCalls, c => c.Name == "check_availability");
        Assert.Equal(before, await h.BookedLinesAsync());
        await h.TalkAsync("sms_b1", "sms", AvaPhone, "first one", "yes");
        var after = await h.BookedLinesAsync();
        Assert.Contains(before.Single(a => a.StartsWith("swedish-60", StringComparison.Ordinal)), after);
        Assert.DoesNotContain(before.Single(a => a.StartsWith("signature-facial", StringComparison.Ordinal)), after);
    }

    [Fact]
    public async Task The_second_of_two_moves_asked_after_a_question_is_left_on_a_no()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed1", "sms", AvaPhone, "swedish 60 friday morning", "first one", "yes");
        await h.TalkAsync("sms_seed2", "sms", AvaPhone, "signature facial saturday morning", "first one", "yes");
        var before = await h.BookedLinesAsync();

        var replies = await h.TalkAsync("sms_b2", "sms", AvaPhone, "move both to next week", "first one", "no", "do you have showers?", "no leave it");

        Assert.Equal(before, await h.BookedLinesAsync());
        Assert.DoesNotContain(replies[^1].ToolCalls, c => c.Name == "check_availability");
    }

    // 3. What a provider does of a kind: only that kind's services, short; never a service of another kind with the word in
    // its name (IPL Photofacial is a laser).

    [Theory]
    [InlineData("does maya do facials?", "(?i)priya patel and sofia alvarez|sofia alvarez and priya patel")]
    [InlineData("can jordan do a facial", "(?i)priya patel and sofia alvarez|sofia alvarez and priya patel")]
    [InlineData("does priya do massages too?", "(?i)maya chen and jordan reyes|jordan reyes and maya chen")]
    public async Task What_a_provider_does_of_a_kind_is_short(string text, string who)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("web_k1", "web", null, text))[^1];

        Assert.Matches(who, reply.Text ?? "");
        Assert.DoesNotContain("Sam", reply.Text ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Photofacial", reply.Text ?? "", StringComparison.Ordinal);
        Assert.True((reply.Text ?? "").Length < 220, reply.Text);
    }

    // 4. A provider's days with no day said: from the profile's schedule, nothing searched or booked.

    [Theory]
    [InlineData("when does sofia work?", "(?i)sofia alvarez works at marina.*tuesday.*sunday")]
    [InlineData("what days is maya in", "(?i)maya chen works at mission district .*monday.*marina .*saturday")]
    [InlineData("which days does jordan work", "(?i)jordan reyes works .*thursday")]
    [InlineData("¿qué días trabaja jordan?", "(?i)jordan reyes trabaja .*jueves")]
    public async Task A_providers_days_are_answered_from_the_schedule(string text, string answer)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_d1", "sms", "+14155550970", text))[^1];

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.Matches(answer, reply.Text ?? "");
        Assert.Empty(await h.BookedAsync());
    }

    [Fact]
    public async Task Whether_a_provider_is_in_tomorrow_still_answers_that_day()
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_d2", "sms", "+14155550970", "is sofia in tomorrow"))[^1];

        Assert.Matches("(?i)sofia alvarez works tuesday, november 24 at marina", reply.Text ?? "");
    }

    // 5. Two people at one time. Booking both on one yes to a read-back naming both was not built this round (the booking
    // tool holds one read-back at a time): each is read back and booked on its own yes, the second at the first one's time
    // with whoever is free then, said plainly when nobody is; never one booked as if it were both, and never a word that the
    // spa cannot help (the nail studio's FAQ has nothing on it).

    [Theory]
    [InlineData("me and my friend want gel manicures thursday at 2 at the same time")]
    [InlineData("can my sister and i both get gel manicures together on thursday at 2pm")]
    public async Task Two_people_at_one_time_are_booked_at_that_time_with_two_providers(string text)
    {
        // Round 30: no longer one after the other, each on its own yes: both at once, read back together, on one yes.
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        var offer = (await h.TalkAsync("sms_g1", "sms", NoraPhone, text))[^1];

        Assert.DoesNotContain("only help", offer.Text ?? "", StringComparison.Ordinal);
        Assert.Matches("(?i)two of you at the same time", offer.Text ?? "");
        Assert.Empty(await h.BookedAsync());

        // Round 31: the other person's name is asked once after the pick, then both are read back.
        var asked = (await h.TalkAsync("sms_g1", "sms", NoraPhone, "yes"))[^1];
        Assert.Matches("(?i)name", asked.Text ?? "");
        var readBack = await h.TalkAsync("sms_g1", "sms", NoraPhone, "her name is ana");
        Assert.True(AgentHarness.ReadBack(readBack), h.Said);
        Assert.Contains("Ana", readBack[^1].Text ?? "", StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
        await h.TalkAsync("sms_g1", "sms", NoraPhone, "yes");
        var booked = await h.BookedLinesAsync();
        Assert.Equal(2, booked.Count);
        Assert.All(booked, a => Assert.EndsWith("2026-11-26 14:00", a, StringComparison.Ordinal));
        Assert.Equal(2, booked.Select(a => a.Split(' ')[1]).Distinct().Count());
    }

    [Fact]
    public async Task Two_people_at_one_time_declined_books_nothing()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        await h.TalkAsync("sms_g2", "sms", NoraPhone, "me and my friend want gel manicures thursday at 2 at the same time", "hmm let me check with her first");

        Assert.Empty(await h.BookedAsync());
    }

    [Theory]
    [InlineData("me and my friend at 2 saturday, swedish massages 60 min, same time")]
    [InlineData("can my husband and i get 60 min swedish massages at the same time friday at 11")]
    public async Task Two_people_at_one_time_with_no_two_providers_free_is_said_plainly(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("web_g3", "web", null, text))[^1];

        Assert.Matches("(?i)two .*(at the same time|together)|same time", reply.Text ?? "");
        Assert.False(AgentHarness.ReadBack([reply]), h.Said);
        Assert.Empty(await h.BookedAsync());
    }

    // Round 28's people: a day that cannot be kept and another day said after it is a move, never a cancellation; one day
    // only is a cancellation (each read back first).
    [Theory]
    [InlineData("cant make it tmrw, friday?", "check_availability")]
    [InlineData("no puedo mañana, el viernes?", "check_availability")]
    [InlineData("can't make my massage tomorrow, sorry", "cancel_appointment")]
    public async Task A_day_that_cannot_be_kept_and_another_day_is_a_move(string text, string tool)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_seed", "sms", AvaPhone, "swedish 60 tuesday morning", "first one", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_r1", "sms", AvaPhone, text))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == tool);
        if (tool != "cancel_appointment")
        {
            Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "cancel_appointment");
        }
        Assert.Single(await h.BookedAsync());
    }

    // A name spelled letter by letter on a call is no other language.
    [Theory]
    [InlineData("It's Linh Nguyen, N G U Y E N.")]
    [InlineData("Dana Bell, B as in boy, 415 555 0968")]
    public void A_spelled_name_is_no_other_language(string text) =>
        Assert.True(FrontDesk.Agent.Languages.LanguageDetector.Identify(text) is null or "en", FrontDesk.Agent.Languages.LanguageDetector.Identify(text));
}
