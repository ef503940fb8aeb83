using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 36 (tests/scenarios/people-round36.yaml): an offered time picked by its part of the day when none on offer
/// is then ("the one after lunch", "el de la tarde") and the day's latest asked as "the latest one you've got"; the price asked
/// at a read-back or an offer; a name opening a message before a number; round 35's known issues ("uh, one sec... yeah ok" at
/// an offer, "keep tuesday's time but with a different therapist", a Spanish take-back with the time beside it). Whole
/// conversations through the real engine and SQLite store, and the understanding's own readings. Written before the code.
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles: on Tuesdays Maya at Mission 9–5, Jordan at the Marina 10–6; on Fridays
/// Priya at Mission 9–3, Sofia at the Marina 10–6; on Saturdays Maya at the Marina 9–4, Jordan at Mission 10–5.
/// </summary>
public sealed class RoundThirtySixTests
{
    private const string AvaPhone = "+14155551111";
    private const string BenPhone = "+14155552222";

    private static string Text(AgentReply reply) => reply.Text ?? "";

    // 1. An offered time picked by its part of the day, none on offer then; the day's latest.

    [Theory]
    [InlineData("swedish 60 tuesday", "the one after lunch", "yes", "yes")]
    [InlineData("masaje sueco de 60 el martes", "el de la tarde", "sí", "sí")]
    public async Task The_one_after_lunch_with_none_on_offer_then_puts_the_afternoons_first_time_and_a_yes_takes_it(string ask, string pick, string yes, string yesAgain)
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_a0", "sms", AvaPhone, ask);

        await h.TalkAsync("sms_a0", "sms", AvaPhone, pick);
        var readBack = await h.TalkAsync("sms_a0", "sms", AvaPhone, yes);

        Assert.True(AgentHarness.ReadBack(readBack), h.Said);
        Assert.Empty(await h.BookedLinesAsync());
        await h.TalkAsync("sms_a0", "sms", AvaPhone, yesAgain);
        var booked = Assert.Single(await h.AppointmentsAsync());
        Assert.True(h.Local(booked).Hour >= 12, h.Said);
    }

    [Fact]
    public async Task The_latest_one_youve_got_at_an_afternoon_offer_is_the_days_latest_not_the_latest_on_offer()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("voice_b0", "voice", AvaPhone, "swedish sixty saturday afternoon", "the latest one you've got", "yes", "yes");

        var booked = Assert.Single(await h.AppointmentsAsync());
        Assert.True(h.Local(booked).Hour >= 14, h.Said);
    }

    [Theory]
    [InlineData("the one after lunch", true)]
    [InlineData("ok the one in the evening", true)]
    [InlineData("el de la tarde", true)]
    [InlineData("la de la mañana porfa", true)]
    [InlineData("the first one", false)]
    [InlineData("afternoon works better for me", false)]
    public void One_time_picked_by_its_part_of_the_day_is_read_as_written(string text, bool one) =>
        Assert.Equal(one, Embedded.DialogueTracker.OneInPartOfDay(text));

    // 2. The price asked at a read-back or at an offer: said, and the read-back or the times kept.

    [Fact]
    public async Task Whats_the_price_first_at_a_read_back_says_the_price_and_books_only_on_the_yes()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_c0", "sms", BenPhone, "hydrafacial friday at 11", "11 is good");

        var price = await h.TalkAsync("sms_c0", "sms", BenPhone, "wait whats the price first");

        Assert.Contains("199", Text(price[^1]), StringComparison.Ordinal);
        Assert.Empty(await h.BookedLinesAsync());
        await h.TalkAsync("sms_c0", "sms", BenPhone, "ok yes book it");
        Assert.Single(await h.BookedLinesAsync());
    }

    [Fact]
    public async Task How_much_is_the_ninety_again_at_an_offer_says_the_price_and_the_times_stay_on_offer()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("voice_d0", "voice", BenPhone, "i'd like a swedish 90 on saturday morning");

        var price = await h.TalkAsync("voice_d0", "voice", BenPhone, "how much is the ninety again?");
        await h.TalkAsync("voice_d0", "voice", BenPhone, "ok, the first one", "yes");

        Assert.Contains("175", Text(price[^1]), StringComparison.Ordinal);
        var booked = Assert.Single(await h.AppointmentsAsync());
        Assert.True(h.Local(booked).Hour < 12, h.Said);
    }

    // 3. A name opening the message before a number says nothing about its language.

    [Theory]
    [InlineData("Dana Reyes 415-555-0199, hydrafacial, friday 11am")]
    [InlineData("Dana Reyes 415-555-0199 hydrafacial friday 11am")]
    public void A_name_before_a_number_at_the_start_is_no_sign_of_another_language(string text) =>
        Assert.Contains(LanguageDetector.Identify(text), new string?[] { ConversationLanguage.English, null });

    // 4. Round 35's known issues.

    [Theory]
    [InlineData("uh, one sec... yeah ok", "yeah ok")]
    [InlineData("un momento... sí, esa", "sí, esa")]
    [InlineData("one sec", null)]
    [InlineData("yeah ok", null)]
    public void What_follows_a_moment_asked_is_read_on_its_own(string text, string? rest) =>
        Assert.Equal(rest, YesNoClassifier.AfterHoldOn(text));

    [Fact]
    public async Task Uh_one_sec_yeah_ok_at_an_offer_led_by_the_time_asked_reads_it_back()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("voice_e0", "voice", BenPhone, "signature facial friday at 10 please");

        var readBack = await h.TalkAsync("voice_e0", "voice", BenPhone, "uh, one sec... yeah ok");

        Assert.True(AgentHarness.ReadBack(readBack), h.Said);
        Assert.Matches("10", Text(readBack[^1]));
        Assert.Empty(await h.BookedLinesAsync());
        await h.TalkAsync("voice_e0", "voice", BenPhone, "yeah");
        Assert.Equal(["signature-facial 2026-11-27 10:00"], await h.BookedLinesAsync(withStaff: false), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Keep_tuesdays_time_but_with_a_different_therapist_moves_to_someone_else_at_that_time()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("sms_f0", "sms", BenPhone, "swedish 90 with maya tuesday at 11", "11", "yes");

        await h.TalkAsync("voice_f1", "voice", BenPhone, "uh, can i keep tuesday's time but with a different therapist?", "mm-hmm yeah that works");

        Assert.Equal(["swedish-90 jordan 2026-11-24 11:00"], await h.BookedLinesAsync());
    }
}
