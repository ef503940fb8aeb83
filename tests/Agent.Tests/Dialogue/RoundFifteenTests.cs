using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Tests.Conversations;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 15: round 14's known issues and round 15's people (tests/scenarios/people-round14.yaml,
/// people-round15.yaml). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundFifteenTests
{
    private static readonly SafetyScreen Screen = new(Demo, EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml")));

    // Round 14's known issues.

    [Fact]
    public void Spanish_el_proximo_sabado_is_the_coming_saturday_and_english_next_saturday_is_unchanged()
    {
        var spanish = new DialogueState { Language = "es" };

        Assert.Equal(new DateOnly(2026, 11, 28), Engine.Understand("quisiera un hydrafacial el proximo sabado temprano", History(spanish), "es").Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), Engine.Understand("necesito un hidrafacial el próximo martes", History(spanish), "es").Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 12, 5), Engine.Understand("a hydrafacial next saturday", History(new DialogueState())).Date?.Range.Start);
    }

    [Theory]
    [InlineData("whats the cheapest facial u have", null)]
    [InlineData("cual es el facial mas barato q tienen?", "es")]
    public async Task The_cheapest_of_a_kind_asked_is_answered_with_its_price_and_is_the_service_in_play(string text, string? language)
    {
        Assert.True(Engine.Understand(text, History(new DialogueState { Language = language }), language).Cues.Cheapest);

        var (message, state) = await AnswerAsync(new DialogueState { Language = language }, text);

        Assert.Contains("Dermaplaning", message.Text, StringComparison.Ordinal);
        Assert.Contains("$95", message.Text, StringComparison.Ordinal);
        Assert.Equal("dermaplaning", state.ServiceId);
    }

    [Theory]
    [InlineData("me la dejas mas barata?")]
    [InlineData("es mas barato el dermaplaning?")]
    public void A_discount_or_a_comparison_in_spanish_is_not_the_cheapest_asked(string text) =>
        Assert.False(Engine.Understand(text, History(new DialogueState { Language = "es" }), "es").Cues.Cheapest);

    [Fact]
    public async Task The_cheapest_facial_named_is_what_that_one_books()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r15_cheapest", "web", null, "whats the cheapest facial u have", "ok that one, tmrw after 2", "first",
            "Lou Baird 415 555 0708", "yes");

        Assert.Contains("$95", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Dermaplaning", replies[0].Text, StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("dermaplaning", booked.ServiceId);
        Assert.Equal(new DateOnly(2026, 11, 24), DateOnly.FromDateTime(h.Local(booked)));
        Assert.True(h.Local(booked).Hour >= 14, h.Said);
    }

    [Fact]
    public async Task First_thing_leads_the_offer_with_the_earliest_and_a_yes_takes_it()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r15_first_thing", "web", null, "classic facial first thing monday", "yes that one", "Hal Weiss 415 555 0716", "yes");

        Assert.Contains("the earliest I have is Monday, November 30 at 9 AM", replies[0].Text, StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("signature-facial", booked.ServiceId);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0), h.Local(booked));
    }

    [Fact]
    public async Task First_thing_and_the_last_one_are_kept_for_the_offer_to_lead_with()
    {
        var (_, first) = await AnswerAsync(new DialogueState(), "classic facial first thing monday");
        var (_, last) = await AnswerAsync(new DialogueState(), "deep tissue friday, the last appointment you have");

        Assert.Equal(TimePreferenceKind.Earliest, first.LeadWith);
        Assert.Equal(TimePreferenceKind.Latest, last.LeadWith);
    }

    // Round 15's people: wrong actions.

    [Fact]
    public void A_move_naming_the_appointment_by_its_day_and_part_of_day_goes_to_the_day_after_to()
    {
        var u = Engine.Understand("hi, i need to move my massage, the one on friday afternoon, over to monday", History(new DialogueState()));

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 30), u.Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 11, 27), u.MoveFrom?.Start);
    }

    [Fact]
    public void A_move_keeps_the_appointments_own_day_for_when_the_list_is_read()
    {
        var state = new DialogueState();
        var (reading, rule) = Step(state, "can you push the friday one to saturday, same time ish");

        Assert.Equal(PolicyAction.StartReschedule, rule.Then);
        Assert.Equal(new DateOnly(2026, 11, 27), reading.U.MoveFrom?.Start);
    }

    [Theory]
    [InlineData("oh and can i also get a swedish massage the same day, afternoon", null)]
    [InlineData("y tambien un masaje sueco de 60 ese mismo dia en la tarde", "es")]
    public void One_more_service_the_same_day_after_a_booking_is_a_new_booking_not_a_move(string text, string? language)
    {
        var u = Engine.Understand(text, History(new DialogueState { Language = language, JustDone = true }), language);

        Assert.NotEqual(Intent.Reschedule, u.Intent);
        Assert.True(u.SameDay);
    }

    [Fact]
    public async Task One_more_service_the_same_day_is_searched_on_the_day_just_booked()
    {
        await using var h = await AgentHarness.StartAsync();

        await h.TalkAsync("web_r15_two", "web", null, "can i book a signature facial wed morning", "first", "Rose Ellery 415 555 0804", "yes");
        var replies = await h.TalkAsync("web_r15_two", "web", null, "oh and can i also get a swedish massage the same day, afternoon", "the 60", "first", "yes");

        var booked = (await h.BookedAsync()).OrderBy(a => a.StartsAtUtc).ToList();
        Assert.Equal(["signature-facial", "swedish-60"], booked.Select(a => a.ServiceId));
        Assert.All(booked, a => Assert.Equal(new DateOnly(2026, 11, 25), DateOnly.FromDateTime(h.Local(a))));
        Assert.DoesNotContain(replies, r => r.ToolCalls.Any(c => c.Name is "list_appointments" or "reschedule_appointment"));
    }

    [Theory]
    [InlineData("if i cancel todays appointment will i get charged?", null)]
    [InlineData("would i be charged if i move it last minute?", null)]
    [InlineData("si cancelo con poco tiempo me cobran algo?", "es")]
    public void Whether_a_late_change_is_charged_is_a_question_not_a_cancellation(string text, string? language)
    {
        var u = Engine.Understand(text, History(new DialogueState { Language = language }), language);

        Assert.NotEqual(Intent.Cancel, u.Intent);
        Assert.NotEqual(Intent.Reschedule, u.Intent);
    }

    [Theory]
    [InlineData("hey need to cancel the facial thing on wed, keep the other one", null)]
    [InlineData("necesito cancelar el masaje del viernes, el facial no", "es")]
    public void A_cancellation_of_one_of_two_said_plainly_is_a_cancellation(string text, string? language) =>
        Assert.Equal(Intent.Cancel, Engine.Understand(text, History(new DialogueState { Language = language }), language).Intent);

    [Theory]
    [InlineData("my husband's on blood thinners so hes sitting this one out, just me for a deep tissue friday")]
    [InlineData("my dad is on warfarin, i want a deep tissue saturday")]
    [InlineData("mi esposo toma anticoagulantes, yo quiero un deep tissue el sabado")]
    public void A_mans_condition_in_the_family_is_not_the_speakers(string text) =>
        Assert.Empty(Screen.ScreenInbound(text).StatedConditions);

    [Fact]
    public void The_speakers_own_blood_thinners_still_count() =>
        Assert.NotEmpty(Screen.ScreenInbound("i'm on blood thinners, can i get a deep tissue friday").StatedConditions);

    [Theory]
    [InlineData("sorry, what was that")]
    [InlineData("i didn't catch that")]
    [InlineData("sorry what?")]
    public void Asked_to_say_the_service_question_again_it_is_said_again_not_dropped(string text)
    {
        var state = new DialogueState { Task = DialogueTask.Book, Asked = AgentQuestion.Service, ServiceOptions = ["swedish-60", "swedish-90"] };

        Assert.Equal(PolicyAction.RepeatQuestion, Step(state, text).Rule.Then);
    }

    [Fact]
    public void Another_day_at_the_same_time_at_a_read_back_keeps_the_new_day()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book,
            ServiceId = "dermaplaning",
            DateStart = "2026-11-27",
            DateEnd = "2026-11-27",
            Near = "11:00",
            Asked = AgentQuestion.Confirmation,
            PendingTool = "book_appointment",
            PendingArgs = "{}",
            ReadBack = "Dermaplaning with Sofia Alvarez on Friday, November 27 at 11 AM at Marina",
            ChosenSlotId = "f11",
            Offered = [new Offer("f11", "2026-11-27", "11:00", "sofia", "Friday, November 27 at 11 AM with Sofia at Marina", "marina")],
        };

        Step(state, "ugh scratch that, can we do sat instead same time");

        Assert.Equal("2026-11-28", state.DateStart);
        Assert.Equal("11:00", state.Near);
        Assert.Null(state.PendingTool);
    }

    [Fact]
    public void A_question_beside_a_new_day_and_time_at_an_offer_is_searched_after_the_answer()
    {
        var (reading, rule) = Step(Offering(), "is there parking by you? ok and friday at 3 works");

        Assert.True(reading.RequestBesideQuestion);
        Assert.Equal(PolicyAction.Search, rule.Then);
    }

    [Fact]
    public void A_question_alone_at_an_offer_is_still_answered_with_the_times_again() =>
        Assert.Equal(PolicyAction.AnswerFaq, Step(Offering(), "is there parking by you?").Rule.Then);

    [Theory]
    [InlineData("whens my next one")]
    [InlineData("when is my next appointment")]
    public void When_the_next_one_is_asked_the_appointments_are_listed(string text) =>
        Assert.Equal(Intent.MyAppointments, Engine.Understand(text, History(new DialogueState())).Intent);

    [Theory]
    [InlineData("ok thx. wait am i still on it?", null)]
    [InlineData("oye y sigo en la lista?", "es")]
    public void Still_on_the_waitlist_asked_is_looked_up(string text, string? language)
    {
        var state = new DialogueState { OnWaitlist = true, Language = language };
        var reading = DialogueTracker.Observe(state, Engine.Understand(text, History(state), language), Demo, AllTools);

        Assert.Equal(PolicyAction.CheckWaitlistOffer, DialoguePolicy.Decide(state, reading).Then);
    }

    [Fact]
    public void Taken_off_the_waitlist_with_no_opening_pending_is_for_the_team() =>
        Assert.Equal(PolicyAction.LeaveWaitlistByTeam, Step(new DialogueState { OnWaitlist = true }, "actually nvm, take me off it").Rule.Then);

    [Fact]
    public async Task Taken_off_the_waitlist_the_team_is_asked_and_the_reply_says_so()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r15_off", "web", null, "add me to the wait list for prenatal massage on saturday", "Ada Kerr 415 555 0829", "yes",
            "actually nvm, take me off it");

        Assert.Contains("take you off the waitlist", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "human_request");
    }

    [Theory]
    [InlineData("whats the length on a swedish massage?")]
    [InlineData("how long is the swedish massage")]
    public async Task How_long_a_service_in_two_lengths_is_says_both(string text)
    {
        var (message, _) = await AnswerAsync(new DialogueState(), text);

        Assert.Contains("60 minutes", message.Text, StringComparison.Ordinal);
        Assert.Contains("90 minutes", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void How_long_one_service_is_stays_the_faqs() =>
        Assert.NotEqual(PolicyAction.SayLengths, Step(new DialogueState(), "how long is the hydrafacial").Rule.Then);

    [Fact]
    public void A_spoken_length_one_comma_after_the_service_is_its_length() =>
        Assert.Equal("swedish-60", Engine.Understand("uh hi, swedish massage, sixty, wednesday afternoon", History(new DialogueState())).Services.Service?.Id);

    [Fact]
    public void Spanish_the_same_girl_as_last_time_is_the_last_visits_provider()
    {
        var state = new DialogueState { Language = "es" };
        var reading = DialogueTracker.Observe(state, Engine.Understand("hola, quiero masaje con la misma chica de la otra vez, el viernes", History(state), "es"), Demo, AllTools);

        Assert.Equal(PolicyAction.LookUpUsual, DialoguePolicy.Decide(state, reading).Then);
    }

    [Fact]
    public async Task A_pick_with_a_question_beside_it_looks_the_question_up_and_keeps_the_pick()
    {
        var offering = Offering();
        offering.Language = "es";
        var (message, state) = await AnswerAsync(offering, "oye y hay estacionamiento? bueno la de las 10 me sirve");

        var call = Assert.Single(message.Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>());
        Assert.Equal("answer_faq", call.Name);
        Assert.Equal("s10", state.ChooseAfterAnswer);
    }
    // Round 15's FAQ in other words (feat/engine15b).

    [Theory]
    [InlineData("how much should i tip the therapist")]
    [InlineData("r we supposed to tip the estheticians?")]
    public async Task Tipping_asked_in_other_words_is_the_tipping_answer_not_the_team(string question)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r15b_tip", "web", null, question);

        Assert.Contains("Gratuity is welcome", replies[^1].Text, StringComparison.Ordinal);
        Assert.Empty(await h.EscalationsAsync());
    }

    // Round 25: the Spanish reading now knows "algun" and "mensual", so the question is answered outright where it was a
    // "did you mean" before; the answer is still the profile's Spanish, never the English.
    [Fact]
    public async Task A_spanish_membership_question_gets_the_profiles_spanish_answer()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r15b_plan", "web", null, "tienen algun plan mensual o membresia?");

        Assert.Contains("membresía Glow", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Do you offer", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Glow membership", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_plurals_are_read_as_the_faqs_words()
    {
        Assert.Equal(["expect", "tip"], FrontDesk.Tools.Faq.FaqIndex.KeyTerms("do u expect tips?"));
        Assert.Equal(["less", "lip"], FrontDesk.Tools.Faq.FaqIndex.KeyTerms("less on the lips"));
    }
    [Theory]
    [InlineData("can i just walk in or do i gotta book ahead")]
    [InlineData("do u take walk-ins?")]
    public async Task A_walk_in_question_the_faq_does_not_answer_goes_to_the_team_not_a_booking(string question)
    {
        Assert.Contains("walkin", FrontDesk.Tools.Faq.VisitQuestion.Topics(question));
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("voice_r15b_walkin", "voice", "+14155550819", question);

        Assert.DoesNotContain("Which service", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("human_request", Assert.Single(await h.EscalationsAsync()).Category);
    }

    [Fact]
    public void A_walk_in_entry_answers_a_walk_in_question_and_not_parking() =>
        Assert.True(FrontDesk.Tools.Faq.VisitQuestion.Covers(FrontDesk.Tools.Faq.VisitQuestion.Topics("can i just walk in?"),
            "Do you take walk-ins? We take walk-ins when a station is free, but booking ahead is the surest way to get a spot."));
    [Theory]
    [InlineData("se deja propina o no?")]
    [InlineData("oigan y se da propina?")]
    public async Task Spanish_tipping_asked_impersonally_is_the_tipping_answer_in_spanish(string question)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("sms_r15b_propina", "sms", "+14155550821", question);

        Assert.Contains("La propina es bienvenida", replies[^1].Text, StringComparison.Ordinal);
    }
}
