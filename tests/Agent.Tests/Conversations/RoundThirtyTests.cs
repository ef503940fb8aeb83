using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;
using FrontDesk.Tools.Clients;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 30: round 29's leftovers (one yes for two people at one time; the reply language of a Spanglish
/// conversation does not flip on a short reply; two days with a part of one ruled out; a name joined from spelled letters),
/// then round 30's people (tests/scenarios/people-round30.yaml). Written before the code. Demo profile (the nail studio where
/// named), Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundThirtyTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";
    private const string NoraPhone = "+12075551234";

    private static readonly LanguageDetector Both = new(["en", "es"]);

    // 1. The reply language of a Spanglish conversation: a short reply in the other language keeps a language heard before.

    [Theory]
    [InlineData("the first one", "es")]
    [InlineData("yes", "es")]
    [InlineData("ok perfect", "es")]
    [InlineData("la primera", "en")]
    [InlineData("ok sí", "en")]
    [InlineData("sí, gracias", "en")]
    public void A_short_reply_in_the_other_language_keeps_a_heard_language(string text, string current) =>
        Assert.Equal(current, Both.Read(text, current, settled: true).Language);

    [Theory]
    [InlineData("perdón, prefiero que me escriba en español", "en", "es")]
    [InlineData("quiero la primera por favor", "en", "es")]
    [InlineData("can you do thursday at 3 instead", "es", "en")]
    [InlineData("actually let's do this in english, i want the first one", "es", "en")]
    public void A_whole_sentence_in_the_other_language_switches(string text, string current, string expected) =>
        Assert.Equal(expected, Both.Read(text, current, settled: true).Language);

    [Fact]
    public void A_language_only_assumed_switches_on_a_short_reply()
    {
        // The page's language or the default, never heard from the person: their first clear words decide.
        Assert.Equal("es", Both.Read("la primera", "en", settled: false).Language);
    }

    [Theory]
    [InlineData("quiero un hydrafacial el miércoles en la mañana", "the first one", "ok")]
    [InlineData("hola, quisiera un masaje sueco el viernes", "first one", "yes")]
    public async Task A_conversation_begun_in_spanish_stays_in_spanish_on_short_english_replies(string first, string pick, string yes)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_l1", "sms", BenPhone, first, pick, yes);

        Assert.All(replies, r => Assert.Equal("es", r.Language));
        Assert.All(replies, r => Assert.DoesNotMatch("(?i)\\b(would you like|shall i|you're all set)\\b", r.Text ?? ""));
    }

    [Fact]
    public async Task A_conversation_begun_in_english_stays_in_english_on_short_spanish_replies()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_l2", "sms", AvaPhone, "can i get a swedish 60 saturday morning", "la primera", "sí");

        Assert.All(replies, r => Assert.Equal("en", r.Language));
        Assert.Single(await h.BookedAsync());
    }

    [Fact]
    public async Task A_whole_sentence_in_the_other_language_switches_the_reply()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_l3", "sms", BenPhone, "swedish 60 friday morning", "perdón, prefiero que me escriba en español, la primera por favor");

        Assert.Equal("en", replies[0].Language);
        Assert.Equal("es", replies[1].Language);
    }

    // 2. Two days, one with a part of the day ruled out: that day's other part, or the other day.

    [Theory]
    [InlineData("hydrafacial friday, friday i can't do mornings, saturday works too")]
    [InlineData("signature facial friday but not in the morning, or saturday")]
    [InlineData("hydrafacial friday afternoon or saturday")]
    public async Task Two_days_with_mornings_ruled_out_on_one_offer_that_days_afternoon_or_the_other(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_d1", "sms", AvaPhone, text))[^1];

        Assert.True(reply.ToolCalls.Any(c => c.Name == "check_availability"), h.Said);
        Assert.Matches("(?i)friday|saturday", reply.Text ?? "");
        Assert.DoesNotMatch("(?i)friday, november 27 at (9|10|11)(:\\d\\d)? am", reply.Text ?? "");
        Assert.DoesNotMatch("(?i)didn't (quite )?catch", reply.Text ?? "");
    }

    // 3. A name joined from spelled letters.

    [Theory]
    [InlineData("j o s e, p e r e z, four one five five five five oh one four eight", "Jose Perez")]
    [InlineData("its j o s e. p e r e z 415 555 0148", "Jose Perez")]
    public async Task Two_spelled_words_beside_a_number_are_first_and_last_name(string said, string name)
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("voice_n1", "voice", null, "swedish 60 friday morning", "first one", said, "yes");

        var booked = Assert.Single(await h.BookedAsync());
        var client = await h.Book.Get<ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal(name, client?.Name);
    }

    [Fact]
    public async Task One_spelled_word_after_my_name_is_a_first_name_is_the_last_name()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_n2", "voice", null, "deep tissue saturday afternoon", "the first one", "my name is maria",
            "g o m e z, four one five five five five oh one four nine", "yes");

        var booked = Assert.Single(await h.BookedAsync());
        var client = await h.Book.Get<ClientDirectory>().GetAsync(booked.ClientId, CancellationToken.None);
        Assert.Equal("Maria Gomez", client?.Name);
        Assert.DoesNotContain(replies.Skip(3), r => (r.Text ?? "").Contains("name", StringComparison.OrdinalIgnoreCase));
    }

    // 4. Two people at one time: one read-back naming both, one yes booking both.

    [Theory]
    [InlineData("me n my daughter want gel manis thurs at 2, same time pls", "2 is perfect")]
    [InlineData("can me and my friend get gel manicures thursday at 2 side by side", "yes")]
    public async Task Two_people_at_one_time_are_read_back_together_and_booked_on_one_yes(string text, string pick)
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        // Round 31: the other person's name is asked once after the pick, before the read-back.
        var asked = (await h.TalkAsync("sms_t1", "sms", NoraPhone, text, pick))[^1];
        Assert.Matches("(?i)name", asked.Text ?? "");
        var replies = await h.TalkAsync("sms_t1", "sms", NoraPhone, "lily");
        Assert.Empty(await h.BookedAsync());
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(replies[^1].Text ?? "", "(?i)(rosa.*kenji|kenji.*rosa)"), h.Said);
        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);

        await h.TalkAsync("sms_t1", "sms", NoraPhone, "yes");

        Assert.Equal(["gel-manicure kenji 2026-11-26 14:00", "gel-manicure rosa 2026-11-26 14:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task A_no_at_the_read_back_of_two_with_another_time_keeps_both_people()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        var replies = await h.TalkAsync("sms_t2", "sms", NoraPhone, "can me and my friend get gel manicures thursday at 2 side by side", "2", "her name is jo", "no make it 3 instead");

        Assert.Empty(await h.BookedAsync());
        Assert.Matches("(?i)(rosa.*kenji|kenji.*rosa)", replies[^1].Text ?? "");
        Assert.Matches("(?i)3(:00)? ?pm", replies[^1].Text ?? "");

        await h.TalkAsync("sms_t2", "sms", NoraPhone, "yes");

        Assert.Equal(["gel-manicure kenji 2026-11-26 15:00", "gel-manicure rosa 2026-11-26 15:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task Actually_just_me_books_one()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);

        await h.TalkAsync("sms_t3", "sms", NoraPhone, "gel manis for me and my sister thursday at 4 at the same time?", "actually just me, she cant make it", "4 is good", "yes");

        var booked = await h.BookedLinesAsync(withStaff: false);
        Assert.Equal(["gel-manicure 2026-11-26 16:00"], booked);
    }

    [Fact]
    public async Task When_only_one_is_free_at_the_time_it_is_said_before_anything_is_booked()
    {
        await using var h = await AgentHarness.StartAsync(profile: FrontDesk.TestSupport.TestFiles.HarborProfile);
        // Kenji is taken at noon on Thursday by another client.
        await h.TalkAsync("sms_seed", "sms", "+12075559876", "gel manicure with kenji thursday at noon", "yes", "Ruth Adams", "yes");
        Assert.Single(await h.BookedAsync());

        var reply = (await h.TalkAsync("sms_t4", "sms", NoraPhone, "two gel manicures thursday at noon, me and my mom, together"))[^1];

        Assert.Matches("(?i)only rosa|nobody else|no one else", reply.Text ?? "");
        Assert.False(AgentHarness.ReadBack([reply]), h.Said);
        Assert.Single(await h.BookedAsync());
    }

    // 5. Round 30's people: what their conversations showed, with other wordings.

    [Theory]
    [InlineData("uh-huh", YesNo.Yes)]
    [InlineData("mm-hmm", YesNo.Yes)]
    [InlineData("Uh huh.", YesNo.Yes)]
    [InlineData("huh?", YesNo.Unknown)]
    [InlineData("uh, no", YesNo.No)]
    public void A_yes_said_without_words_is_a_yes(string text, YesNo expected) => Assert.Equal(expected, YesNoClassifier.Classify(text).Answer);

    [Theory]
    [InlineData("jess moreno 415 555 0142", "Jess Moreno")]
    [InlineData("its dana lee, 4155550151", "Dana Lee")]
    [InlineData("friday morning 415 555 0142", null)]
    [InlineData("call me 415 555 0142", null)]
    public void Two_lower_case_words_and_a_number_are_a_name_and_the_number(string text, string? name) =>
        Assert.Equal(name, ContactExtractor.Extract(text).Name);

    [Theory]
    [InlineData("no wait, 90 min not 60")]
    [InlineData("actually the 90 instead of the 60")]
    public async Task The_other_length_said_against_the_one_read_back_is_read_back_instead(string text)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_len", "sms", AvaPhone, "swedish 60 friday morning with maya", "first one", text);

        Assert.True(AgentHarness.ReadBack([replies[^1]]), h.Said);
        Assert.Contains("(90 min)", replies[^1].Text ?? "", StringComparison.Ordinal);
        await h.TalkAsync("sms_len", "sms", AvaPhone, "yes");
        Assert.Equal(["swedish-90 maya 2026-11-27 09:00"], await h.BookedLinesAsync());
    }

    [Fact]
    public async Task A_service_with_a_day_and_works_too_is_a_booking_not_a_waitlist_reply()
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = (await h.TalkAsync("sms_w1", "sms", BenPhone, "signature facial wednesday works"))[^1];

        Assert.Contains(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "find_waitlist_offer");
    }
}
