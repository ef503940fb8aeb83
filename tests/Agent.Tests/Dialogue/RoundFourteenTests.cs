using System.Text.Json;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 14: round 13's known issues and round 14's people (tests/scenarios/people-round13.yaml,
/// people-round14.yaml). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundFourteenTests
{
    /// <summary>Friday's 10 AM HydraFacial with Priya at Mission District, texted by the waitlist.</summary>
    private static DialogueState TextedOfferState(string? language = null) => new()
    {
        OnWaitlist = true,
        Phase = DialoguePhase.TextedOffer,
        TextedOffer = new Offer("W1", "2026-11-27", "10:00", "priya", "Friday, November 27 at 10 AM with Priya at Mission District", "mission"),
        TextedOfferService = "hydrafacial",
        Language = language,
    };

    [Theory]
    [InlineData("yes but 30 min later?")]
    [InlineData("can it be a bit later? like 11")]
    [InlineData("hmm is there anything later that day")]
    public void Another_time_for_a_texted_opening_searches_near_it(string text) =>
        Assert.Equal(PolicyAction.SearchNearTextedOffer, Step(TextedOfferState(), text).Rule.Then);

    [Theory]
    [InlineData("no thanks take me off", true)]
    [InlineData("no thanks, cant make it", false)]
    [InlineData("remove me from the waitlist pls", true)]
    public void A_no_to_a_texted_opening_declines_it_leaving_the_list_only_if_said(string text, bool leaves)
    {
        var (reading, rule) = Step(TextedOfferState(), text);

        Assert.Equal(PolicyAction.DeclineTextedOffer, rule.Then);
        Assert.Equal(leaves, reading.U.Cues.LeavesList);
    }

    [Fact]
    public void A_spanish_no_thanks_take_me_off_the_list_declines_and_leaves()
    {
        var state = TextedOfferState("es");
        var reading = DialogueTracker.Observe(state, Engine.Understand("no gracias, ya no me interesa, sacame de la lista", History(state), "es"), Demo, AllTools);

        Assert.Equal(PolicyAction.DeclineTextedOffer, DialoguePolicy.Decide(state, reading).Then);
        Assert.True(reading.U.Cues.LeavesList);
    }

    [Fact]
    public void A_clear_yes_in_words_takes_the_texted_opening() =>
        Assert.Equal(PolicyAction.TakeTextedOffer, Step(TextedOfferState(), "yes please book it").Rule.Then);

    [Fact]
    public void A_message_about_something_else_drops_the_texted_opening_from_the_state()
    {
        var state = TextedOfferState();

        var (_, rule) = Step(state, "whats ur address");

        Assert.Equal(DialoguePhase.None, state.Phase);
        Assert.Null(state.TextedOffer);
        Assert.NotEqual(PolicyAction.DeclineTextedOffer, rule.Then);
    }

    [Fact]
    public async Task On_the_waitlist_the_texted_opening_is_looked_up_before_the_message_is_read()
    {
        var (message, state) = await AnswerAsync(new DialogueState { OnWaitlist = true }, "no thanks take me off");

        var call = Assert.Single(message.Contents.OfType<FunctionCallContent>());
        Assert.Equal("find_waitlist_offer", call.Name);
        Assert.Equal("no thanks take me off", state.TextedOfferFor);
    }

    [Fact]
    public async Task The_look_up_found_an_opening_and_no_thanks_take_me_off_declines_it_and_leaves_the_waitlist()
    {
        var messages = History(new DialogueState { OnWaitlist = true });
        messages.Add(new ChatMessage(ChatRole.User, "no thanks take me off"));
        var lookUp = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        messages.Add(lookUp);
        var call = lookUp.Contents.OfType<FunctionCallContent>().Single();
        var found = JsonSerializer.SerializeToElement(new
        {
            status = "ok",
            message = "There is an open waitlist offer.",
            data = new
            {
                service_id = "hydrafacial", provider_id = "priya", location_id = "mission",
                appointment = new { @ref = "W1", service = "HydraFacial", day = "Friday, November 27", time = "10 AM", provider = "Priya Patel", location = "Mission District", status = "held", localStart = "2026-11-27T10:00" },
            },
        });
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, found)]));

        var next = (await Engine.GetResponseAsync(messages, Options)).Messages[0];

        var decline = Assert.Single(next.Contents.OfType<FunctionCallContent>());
        Assert.Equal("decline_waitlist_offer", decline.Name);
        Assert.Equal(true, decline.Arguments?["leave_waitlist"]);
    }

    [Theory]
    [InlineData("hi can i book a hydro facial for chews day", 24)]
    [InlineData("um can i get a swedish for fry day morning, the hour one", 27)]
    [InlineData("deep tissue satur day please", 28)]
    public void A_transcribed_weekday_is_that_day(string text, int day) =>
        Assert.Equal(new DateOnly(2026, 11, day), Engine.Understand(text, History(new DialogueState())).Date?.Range.Start);

    [Fact]
    public void A_day_off_is_not_a_weekday() =>
        Assert.DoesNotContain("sunday", TextNormalizer.Normalize("i have a sun day off"), StringComparison.Ordinal);

    [Fact]
    public void A_service_and_a_day_with_a_praying_hands_emoji_is_a_request_not_thanks()
    {
        var u = Engine.Understand("massage sat?? 🙏💆‍♀️", History(new DialogueState()));

        Assert.Equal(Intent.Book, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 28), u.Date?.Range.Start);
    }

    [Fact]
    public void A_praying_hands_alone_is_still_thanks() =>
        Assert.Equal(Intent.Thanks, Engine.Understand("🙏", History(new DialogueState())).Intent);

    [Theory]
    [InlineData("who did my facial last time? i want the same person again")]
    [InlineData("book me with whoever i had last time, a swedish fri afternoon")]
    [InlineData("same thing i got last time, next tues if sofia is in")]
    public void The_last_visit_pointed_at_is_looked_up(string text) =>
        Assert.Equal(PolicyAction.LookUpUsual, Step(new DialogueState(), text).Rule.Then);

    [Fact]
    public void Spanish_lo_mismo_q_la_vez_pasada_is_the_last_visit()
    {
        var state = new DialogueState { Language = "es" };
        var reading = DialogueTracker.Observe(state, Engine.Understand("hola soy ava, lo mismo q la vez pasada pero el sabado", History(state), "es"), Demo, AllTools);

        Assert.Equal(PolicyAction.LookUpUsual, DialoguePolicy.Decide(state, reading).Then);
    }

    [Fact]
    public void Spanish_the_massage_left_as_it_is_is_a_move_of_the_facial()
    {
        var state = new DialogueState { Language = "es" };
        var u = Engine.Understand("mueveme el facial al martes porfa, el masaje dejalo igual", History(state), "es");

        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.DoesNotContain(u.Services.Services, s => s.Id.Contains("swedish", StringComparison.Ordinal) || s.Id.Contains("massage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_friends_pregnancy_does_not_put_the_prenatal_massage_beside_the_speakers_deep_tissue()
    {
        var u = Engine.Understand("my friend's pregnant so she can't come anymore, but i still want a deep tissue sat morning", History(new DialogueState()));

        Assert.Equal("deep-tissue-60", u.Services.Service?.Id);
    }

    [Theory]
    [InlineData("i'm pregnant, do you have a massage for that this friday")]
    [InlineData("im 20 weeks pregnant and want a massage friday")]
    public void The_speakers_own_pregnancy_still_names_the_prenatal_massage(string text) =>
        Assert.Contains(Engine.Understand(text, History(new DialogueState())).Services.Services, s => s.Id == "prenatal-60");

    [Fact]
    public void Deep_tissue_for_him_and_a_swedish_for_me_books_each_their_own_service()
    {
        var state = new DialogueState();
        var (reading, rule) = Step(state, "me n my bf want massages sat afternoon, deep tissue for him and a swedish for me (the hour one)");

        DialogueTracker.Merge(state, reading.U);

        Assert.Equal(PolicyAction.Search, rule.Then);
        Assert.Equal("deep-tissue-60", state.ServiceId);
        Assert.Equal(["swedish-60"], state.NextServices);
        Assert.Equal(1, state.PartyLeft);
    }

    [Theory]
    [InlineData("hey its ben, remind me what ive got coming up", Intent.MyAppointments)]
    [InlineData("wait whats the address again", Intent.Faq)]
    [InlineData("ugh running like 15 behind, parking is a nightmare", Intent.Faq)]
    public void The_spas_own_business_is_not_off_topic(string text, Intent intent) =>
        Assert.Equal(intent, Engine.Understand(text, History(new DialogueState())).Intent);

    [Fact]
    public void Spanish_arriving_late_is_news_for_the_team_not_off_topic() =>
        Assert.Equal(Intent.Faq, Engine.Understand("voy en camino pero llego como 10 min tarde, perdon", History(new DialogueState { Language = "es" }), "es").Intent);

    [Fact]
    public async Task The_address_asked_after_a_booking_is_asked_of_the_place_booked()
    {
        var (message, _) = await AnswerAsync(new DialogueState { LastBookedLocation = "marina", JustDone = true }, "wait whats the address again");

        var call = Assert.Single(message.Contents.OfType<FunctionCallContent>());
        Assert.Equal("answer_faq", call.Name);
        Assert.Equal("marina", call.Arguments?["location"]);
        Assert.Contains("Marina", call.Arguments?["question"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Whatever_massage_is_cheapest_is_the_lowest_priced_massage()
    {
        var state = new DialogueState();
        var (reading, _) = Step(state, "whatever massage is cheapest, sat morning");

        Assert.Equal("swedish-60", reading.U.Services.Service?.Id);
    }

    [Fact]
    public void Whats_the_cheapest_facial_is_a_question_not_a_choice() =>
        Assert.Null(Step(new DialogueState(), "whats the cheapest facial u have?").Reading.U.Services.Service);
}
