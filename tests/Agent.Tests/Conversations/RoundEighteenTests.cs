using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 18: a location closed on the day asked while the other is open, and round 18's people
/// (tests/scenarios/people-round18.yaml). Demo profile, Monday 2026-11-23 08:00 Los Angeles: Sunday the 29th only the
/// Marina is open, Mission District is closed on Sundays.
/// </summary>
public sealed class RoundEighteenTests
{
    private static Utterance Read(string text) => Step(new DialogueState(), text).Reading.U;

    private static Utterance ReadSpanish(string text) => Step(new DialogueState { Language = "es" }, text).Reading.U;

    // Part 1: a closed location, the open one named.

    [Theory]
    [InlineData("web_r18_closed_en", "web", null, "signature facial at the mission location on sunday", "ok the marina then", "the first one", "Rena Holt 415 555 1801", "yes", "open", "Sunday")]
    [InlineData("sms_r18_closed_es", "sms", "+14155551802", "hola quiero un facial signature en mission el domingo", "va, en la marina entonces", "la primera", "Lucia Paredes", "si", "abierta", "domingo")]
    public async Task A_location_closed_that_day_names_the_open_one_and_the_person_can_take_it(string id, string channel, string? caller,
        string ask, string takeIt, string pick, string name, string yes, string openWord, string sunday)
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync(id, channel, caller, ask, takeIt, pick, name, yes);

        var closed = replies[0].Text ?? "";
        Assert.Contains("Mission District", closed, StringComparison.Ordinal);
        Assert.Contains("Marina", closed, StringComparison.Ordinal);
        Assert.Contains(openWord, closed, StringComparison.Ordinal);
        var marina = replies[1].Text ?? "";
        Assert.Contains(sunday, marina, StringComparison.Ordinal);
        Assert.DoesNotContain("Mission District", marina, StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("signature-facial", booked.ServiceId);
        Assert.Equal("marina", booked.LocationId);
        Assert.Equal(new DateOnly(2026, 11, 29), DateOnly.FromDateTime(h.Local(booked)));
    }

    [Fact]
    public void A_place_nothing_on_offer_is_at_changes_the_search_and_keeps_the_day_and_service()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, ServiceId = "signature-facial", DateStart = "2026-11-29", DateEnd = "2026-11-29", LocationId = "mission",
            Asked = AgentQuestion.SlotChoice, Phase = DialoguePhase.WaitlistOffer,
            Offered = [new Offer("S1", "2026-11-30", "09:00", "Priya Patel", "Monday at 9 AM with Priya at Mission District", "Mission District")],
        };

        var (reading, rule) = Step(state, "ok the marina then");

        Assert.True(reading.ChangesTheSearch);
        Assert.Equal(PolicyAction.Search, rule.Then);
    }

    [Fact]
    public void A_yes_that_drops_the_provider_asked_for_is_not_a_yes_to_the_waitlist()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, ServiceId = "hydrafacial", DateStart = "2026-11-25", DateEnd = "2026-11-25", StaffId = "sofia",
            Phase = DialoguePhase.WaitlistOffer,
        };

        var (_, rule) = Step(state, "ok whoever then");

        Assert.NotEqual(PolicyAction.JoinWaitlist, rule.Then);
    }

    [Fact]
    public void Anybody_said_at_an_offer_with_nobody_asked_for_puts_the_first_time_as_a_question()
    {
        var state = Offering();

        var (_, rule) = Step(state, "ok whoever then");

        Assert.Equal("r18-anyone-at-an-offer", rule.Id);
        Assert.False(rule.IsMiss);
    }

    [Fact]
    public async Task Anybody_said_at_an_offer_then_yes_books_the_first_time()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r18_whoever", "web", null, "hydrafacial with sofia at mission on wednesday", "ok whoever then", "yes",
            "Ana Bell 415 555 1806", "yes");

        Assert.StartsWith("Would Wednesday, November 25 at 9 AM with Priya", replies[1].Text, StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal(new DateTime(2026, 11, 25, 9, 0, 0), h.Local(booked));
    }

    [Theory]
    [InlineData("hydrafacial with sofia at mission on wednesday", "Sofia", "Mission District", "Priya")]
    [InlineData("can priya do a signature facial for me at the marina on sat", "Priya", "Marina", "Sofia")]
    public async Task A_provider_asked_for_at_a_place_she_never_works_is_said_and_the_place_searched(string text, string asked, string place, string other)
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = h.One(await h.TalkAsync("web_r18_" + asked, "web", null, text)).Text ?? "";

        Assert.StartsWith(asked + " works at", reply, StringComparison.Ordinal);
        Assert.Contains("with " + other + " at " + place, reply, StringComparison.Ordinal);
        Assert.Empty(await h.BookedAsync());
        Assert.Empty(await h.WaitlistAsync());
    }

    // Round 18's people: cancelling and moving said without the word, charges asked about.

    [Fact]
    public void Bailing_on_a_booked_day_is_a_cancellation() =>
        Assert.Equal(Intent.Cancel, Read("gotta bail on wednesdays facial, something came up").Intent);

    [Fact]
    public void Not_wanting_the_appointment_any_more_is_a_cancellation_in_spanish() =>
        Assert.Equal(Intent.Cancel, ReadSpanish("ya no quiero la cita del sabado").Intent);

    [Fact]
    public void Not_being_able_to_come_with_another_day_is_a_move_in_spanish()
    {
        var u = ReadSpanish("no voy a poder el miercoles, mejor otro dia, el viernes?");

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date!.Range.Start);
    }

    [Theory]
    [InlineData("what happens if i miss my appointment completely, like just never show", false)]
    [InlineData("oye me van a cobrar si no llego hoy?", true)]
    public void A_missed_visit_asked_about_is_the_cancellation_policy_not_a_look_at_ones_appointments(string text, bool spanish)
    {
        var u = spanish ? ReadSpanish(text) : Read(text);

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Contains("cancellation policy", u.FaqQuestion, StringComparison.Ordinal);
    }

    [Fact]
    public void The_amount_of_a_fee_is_the_policy_question_marked_for_a_person()
    {
        var u = Read("if i cancel today how much would the fee be exactly");

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.True(u.Cues.AsksFeeAmount);
    }

    [Fact]
    public async Task The_amount_of_a_fee_says_the_policy_and_goes_to_a_person_without_trying_the_cancellation()
    {
        await using var h = await AgentHarness.StartAsync();

        var reply = h.One(await h.TalkAsync("sms_r18_fee", "sms", "+14155551111", "if i cancel today how much would the fee be exactly"));

        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "cancel_appointment");
        Assert.Contains("24 hours", reply.Text, StringComparison.Ordinal);
        Assert.Contains(await h.EscalationsAsync(), e => e.Category == "human_request");
    }

    // Providers, lengths and add-ons.

    [Fact]
    public void Anyone_but_a_provider_in_spanish_leaves_that_provider_out()
    {
        var u = ReadSpanish("un masaje de tejido profundo el martes, con quien sea menos jordan");

        Assert.True(u.OtherProvider);
        Assert.Equal("jordan", u.NotStaffId);
    }

    [Fact]
    public void A_package_of_treatments_is_a_question_for_the_faq_and_its_count_is_not_a_time()
    {
        var u = Read("do u guys sell packages of like 5 massages");

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Null(u.Time);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
    }

    [Fact]
    public void Tacking_a_treatment_onto_a_booked_one_is_an_add_on_question_not_a_booking()
    {
        var u = Read("could you tack on a hand massage to my hydrafacial sat");

        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
    }

    [Fact]
    public void Asking_to_speak_spanish_mid_call_is_the_language_not_a_person() =>
        Assert.Equal(Intent.Smalltalk, ReadSpanish("perdon, puedo hablar en espanol?").Intent);

    [Fact]
    public async Task A_long_odd_message_with_fee_and_missed_visit_words_still_gets_a_reply()
    {
        await using var h = await AgentHarness.StartAsync();
        var odd = string.Concat(Enumerable.Repeat("what if i dont show up how much would the fee be gotta bail on my tack on a ", 30))[..2000];

        var replies = await h.TalkAsync("web_r18_long", "web", null, odd);

        Assert.False(string.IsNullOrWhiteSpace(h.One(replies).Text));
    }
}
