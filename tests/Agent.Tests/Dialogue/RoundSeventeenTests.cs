using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 17: round 16's two known issues and round 17's people (tests/scenarios/people-round16.yaml,
/// people-round17.yaml). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundSeventeenTests
{
    private static Utterance Read(string text) => Step(new DialogueState(), text).Reading.U;

    // Round 16's known issues.

    [Fact]
    public void A_name_written_as_one_at_the_end_of_a_request_is_the_person_signing_it()
    {
        var u = Read("signature facial tmrw at 2pm, Iris Vale");

        Assert.Equal("Iris Vale", u.Name);
        Assert.Equal("signature-facial", Assert.Single(u.Services.Services).Id);
        Assert.Equal(new DateOnly(2026, 11, 24), u.Date!.Range.Start);
    }

    [Fact]
    public void A_providers_full_name_at_the_end_of_a_request_is_the_provider_not_a_signature()
    {
        var u = Read("deep tissue friday at 2, Maya Chen");

        Assert.Null(u.Name);
        Assert.Equal("maya", Assert.Single(u.Staff.Staff).Id);
    }

    [Theory]
    [InlineData("signature facial tmrw at 2pm, Iris Vale")]
    [InlineData("2pm works, Iris Vale")]
    [InlineData("book it for Ana Vale please")]
    public void A_name_after_other_words_is_no_evidence_of_spanish(string text) =>
        Assert.NotEqual(ConversationLanguage.Spanish, LanguageDetector.Identify(text));

    [Theory]
    [InlineData("quiero un facial mañana a las 2, Rocío Méndez")]
    [InlineData("hola, soy Ana Vale y quiero un masaje")]
    [InlineData("Quiero Un Masaje El Sabado")]
    public void Spanish_with_a_name_in_it_is_still_spanish(string text) =>
        Assert.Equal(ConversationLanguage.Spanish, LanguageDetector.Identify(text));

    [Fact]
    public async Task A_request_signed_with_a_name_is_booked_under_it_without_asking_the_name_in_english()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_r17_signed", "sms", "+14155551636", "signature facial tmrw at 2pm, Iris Vale", "yes", "yes");

        Assert.DoesNotContain(replies, r => (r.Text ?? "").Contains("first and last name", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => (r.Text ?? "").Contains("Para confirmar", StringComparison.Ordinal));
        Assert.Equal("signature-facial", h.One(await h.BookedAsync()).ServiceId);
    }

    [Fact]
    public void An_indirect_question_after_and_if_is_a_question_of_its_own()
    {
        Assert.Equal(["please tell me if you are open on sunday", "if you have massage that day"],
            QuestionParts.Split("please tell me if you are open on sunday and if you have massage that day"));
        Assert.Equal(["do you do facials and massages"], QuestionParts.Split("do you do facials and massages"));
    }

    [Theory]
    [InlineData("xfa me dicen si abren el domingo y si tienen masaje ese dia", "es", "domingo", "Masaje sueco")]
    [InlineData("can you tell me if you're open on sunday and if you have massages that day", "en", "Sunday", "Swedish Massage")]
    public async Task The_hours_of_a_day_asked_beside_a_request_are_answered_and_the_request_goes_on(string text, string language, string day, string service)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync($"sms_r17_hours_{language}", "sms", "+14155551628", text);

        var reply = h.One(replies).Text ?? "";
        Assert.Contains(day, reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Marina", reply, StringComparison.Ordinal);
        Assert.Contains(service, reply, StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
    }

    // Round 17's people.

    [Theory]
    [InlineData("what do you have on file for me")]
    [InlineData("can you update my email to ben.c.carter@example.com")]
    [InlineData("hi my number changed, its 415 555 1707 now")]
    [InlineData("please delete my info from your system")]
    [InlineData("how do i check how much is left on my gift card")]
    public void The_persons_own_record_is_for_a_person_on_the_team(string text) =>
        Assert.Equal(Intent.Human, Read(text).Intent);

    [Fact]
    public async Task A_new_number_is_passed_to_the_team_not_just_noted()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("voice_r17_number", "voice", "+14155551111", "hi my number changed, its 415 555 1707 now");

        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "human_request");
        Assert.Empty(await h.BookedAsync());
    }

    [Theory]
    [InlineData("i'd like a sweetish massage, an hour, on friday", "swedish-60")]
    [InlineData("hi yeah i wanted to book bo talks for wednesday", "botox")]
    public void A_service_a_recogniser_hears_as_other_words_is_that_service(string text, string service) =>
        Assert.Equal(service, Assert.Single(Read(text).Services.Services).Id);

    [Fact]
    public void Noonish_is_around_noon()
    {
        var u = Read("do u have a hydrafacial 12/9 around noonish");

        Assert.Equal(new DateOnly(2026, 12, 9), u.Date!.Range.Start);
        Assert.NotNull(u.Time);
        Assert.True(u.Time!.Accepts(new TimeOnly(12, 0)));
        Assert.False(u.Time.Accepts(new TimeOnly(9, 0)));
    }

    [Fact]
    public void Next_next_tuesday_is_the_tuesday_after_next()
    {
        Assert.Equal(new DateOnly(2026, 12, 8), Read("deep tissue next next tuesday, after lunch").Date!.Range.Start);
        Assert.Equal(new DateOnly(2026, 12, 1), Read("deep tissue next tuesday").Date!.Range.Start);
    }

    [Fact]
    public void The_same_time_for_a_sister_after_a_booking_books_her_at_that_start()
    {
        var state = new DialogueState { LastBookedService = "deep-tissue-60", LastBookedStart = "2026-11-27T14:00", LastBookedLocation = "mission", JustDone = true };

        var (reading, rule) = Step(state, "also can u book my sister for the same time");

        Assert.True(reading.U.Cues.SameForAnother);
        Assert.Equal("r11-same-for-someone-else", rule.Id);
    }

    [Fact]
    public async Task A_long_odd_message_with_names_and_record_words_still_gets_a_reply()
    {
        await using var h = await AgentHarness.StartAsync();
        var odd = string.Concat(Enumerable.Repeat("Iris Vale, what's on file Ana De La Cruz - update my ", 40))[..2000];

        var replies = await h.TalkAsync("web_r17_long", "web", null, odd);

        Assert.False(string.IsNullOrWhiteSpace(h.One(replies).Text));
    }

    [Theory]
    [InlineData("can i do the free botox consult next week? not monday tho")]
    [InlineData("consult next week, any day but monday")]
    [InlineData("botox consult next week, monday doesn't work")]
    public void A_weekday_ruled_out_is_not_the_day_and_a_week_starting_on_it_starts_after_it(string text)
    {
        var u = Read(text);

        Assert.Equal(new DateOnly(2026, 12, 1), u.Date!.Range.Start);
        Assert.Equal(new DateOnly(2026, 12, 6), u.Date.Range.End);
        Assert.Equal("injectables-consult", Assert.Single(u.Services.Services).Id);
    }

    [Fact]
    public void Not_said_of_something_else_leaves_the_weekday_alone() =>
        Assert.Equal(new DateOnly(2026, 11, 30), Read("botox consult monday, not too early").Date!.Range.Start);

    [Fact]
    public void A_gift_card_asked_to_pay_for_a_service_is_the_payment_question_not_a_booking()
    {
        var u = Read("got a gift card for my bday, can i use it on a hydrafacial?");

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal("can I pay with a gift card?", u.FaqQuestion);
        Assert.Equal(Intent.Book, Read("got a gift card for my bday, can i use it on a hydrafacial friday?").Intent);
    }

    [Fact]
    public void Cancelling_the_one_on_friday_in_spanish_with_a_reason_is_a_cancellation_of_fridays()
    {
        var u = Step(new DialogueState { Language = "es" }, "buenas, tengo q cancelar lo del viernes, se me complico el trabajo").Reading.U;

        Assert.Equal(Intent.Cancel, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date!.Range.Start);
    }

    [Fact]
    public void A_day_offered_before_and_a_place_in_its_list_is_that_earlier_time()
    {
        var state = Offering();
        state.EarlierOffers = [.. state.Offered];
        state.Offered = [new Offer("f9", "2026-11-27", "09:00", "Priya Patel", "Friday at 9 AM with Priya"), new Offer("f10", "2026-11-27", "10:00", "Priya Patel", "Friday at 10 AM with Priya")];
        state.DateStart = state.DateEnd = "2026-11-27";

        var (reading, _) = Step(state, "no ok wednesday is fine, the first one");

        Assert.Equal("s9", reading.EarlierOfferAtTime?.SlotId);
    }

    [Fact]
    public void A_consultation_of_a_treatment_in_spanish_with_a_day_ruled_out_is_the_consultation_after_it()
    {
        var u = Step(new DialogueState { Language = "es" }, "quiero una consulta de botox la proxima semana pero el lunes no puedo").Reading.U;

        Assert.Equal("injectables-consult", Assert.Single(u.Services.Services).Id);
        Assert.Equal(new DateOnly(2026, 12, 1), u.Date!.Range.Start);
    }

    [Theory]
    [InlineData("sorry just seeing this, yep ill be there")]
    [InlineData("ok we'll be there!")]
    [InlineData("yep, will be there")]
    public void Saying_they_are_coming_after_a_booking_is_an_acknowledgement(string text)
    {
        var state = new DialogueState { JustDone = true, LastBookedService = "hydrafacial", LastBookedStart = "2026-11-24T11:00" };

        var (reading, rule) = Step(state, text);

        Assert.True(reading.U.Cues.JustAcknowledges);
        Assert.Equal("r8-anything-else", rule.Id);
    }

    [Fact]
    public void Coming_at_another_time_is_not_an_acknowledgement() =>
        Assert.False(Read("ill be there at 3 instead").Cues.JustAcknowledges);
}
