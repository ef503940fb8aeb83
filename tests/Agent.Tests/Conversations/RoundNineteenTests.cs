using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 19: round 19's people (tests/scenarios/people-round19.yaml) and the leftovers of earlier rounds (a
/// place described and not named, a city the spa is not in, a faint long ago, "lol what" in the middle of a booking).
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundNineteenTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
    private static readonly SafetyScreen Screen = new(Demo, Rules);

    private static Utterance Read(string text) => Step(new DialogueState(), text).Reading.U;

    // Safety: a faint long over, asked about, is a question for a person; one now is an emergency.

    [Theory]
    [InlineData("i fainted once after a facial last year, is that a problem?")]
    [InlineData("I passed out a couple of times when I was a teenager, can I still get botox")]
    [InlineData("una vez me desmayé después de un facial, ¿es un problema?")]
    [InlineData("hace unos años me desmaye en el dentista, puedo hacerme un peeling?")]
    public void A_faint_long_ago_asked_about_is_a_medical_question_not_an_emergency(string text)
    {
        var finding = Screen.ScreenInbound(text);

        Assert.Equal("medical", finding.Category?.Name);
    }

    [Theory]
    [InlineData("i feel faint right now after my peel")]
    [InlineData("i fainted once last year and now i feel like im going to pass out again")]
    [InlineData("once i got home from my filler i passed out")]
    [InlineData("im so dizzy right now, just got out of my laser")]
    [InlineData("me siento mareada ahorita, acabo de salir de mi peeling")]
    [InlineData("una vez que llegué a mi casa me desmayé")]
    [InlineData("me desmayé una vez el año pasado y ahorita me siento muy mareada otra vez")]
    public void A_faint_now_is_still_an_emergency(string text)
    {
        var finding = Screen.ScreenInbound(text);

        Assert.Equal("emergency", finding.Category?.Name);
        Assert.Equal("urgent", finding.Urgency);
    }

    [Theory]
    [InlineData("no importa, resérvamela igual")]
    [InlineData("agéndame igual porfa")]
    public void Book_it_anyway_in_spanish_after_a_refusal_goes_to_a_person(string text)
    {
        Assert.Matches(Rules.InsistsAfterRefusal, SafetyScreen.Normalize(text));
    }

    // "lol what", "huh?", "que?" at a question: the question again, plainly, with the choices; a miss.

    [Theory]
    [InlineData("lol what")]
    [InlineData("huh?")]
    [InlineData("wait what??")]
    [InlineData("what do you mean")]
    [InlineData("im confused")]
    public void Confusion_at_an_offer_says_the_times_again_as_a_miss(string text)
    {
        var (_, rule) = Step(Offering(), text);

        Assert.Equal("r19-confused-at-a-question", rule.Id);
        Assert.True(rule.IsMiss);
    }

    [Theory]
    [InlineData("what time?")]
    [InlineData("what about 10")]
    [InlineData("whats the address")]
    public void A_real_question_at_an_offer_is_not_confusion(string text)
    {
        Assert.False(Read(text).Cues.Confused);
    }

    [Fact]
    public async Task Lol_what_at_an_offer_gets_the_times_with_how_to_pick_not_the_generic_reply()
    {
        var (message, state) = await AnswerAsync(Offering(), "lol what");

        Assert.Contains("Which of those times would you like", message.Text, StringComparison.Ordinal);
        Assert.Contains("Wednesday at 10 AM with Priya", message.Text, StringComparison.Ordinal);
        Assert.Equal(1, state.Misses);
    }

    [Fact]
    public async Task Huh_when_the_service_is_asked_names_what_the_spa_offers_in_english()
    {
        var asked = new DialogueState { Task = DialogueTask.Book, DateStart = "2026-11-28", DateEnd = "2026-11-28", Asked = AgentQuestion.Service };

        var (message, _) = await AnswerAsync(asked, "huh?");

        Assert.Contains("massage", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("facial", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tenemos", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Que_at_a_read_back_is_no_answer_and_the_write_stays_pending()
    {
        var state = new DialogueState
        {
            Language = "es", Task = DialogueTask.Book, ServiceId = "hydrafacial", Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment",
            PendingArgs = "{}", ChosenSlotId = "s9",
        };

        var (reading, rule) = Step(state, "que?");

        Assert.Equal(ReadBackAnswer.NotAnAnswer, reading.ReadBack);
        Assert.Equal("book_appointment", state.PendingTool);
        Assert.True(rule.IsMiss);
    }

    // A place described and not named: which location is asked, naming both; the service and the day stay.

    [Theory]
    [InlineData("hydrafacial saturday at the one by the water", false)]
    [InlineData("can i get a massage at the location near the park friday", false)]
    [InlineData("un hydrafacial el sabado en la que esta junto al agua", true)]
    public void A_place_described_and_not_named_is_read_as_such(string text, bool spanish)
    {
        var u = spanish ? Step(new DialogueState { Language = "es" }, text).Reading.U : Read(text);

        Assert.True(u.Cues.DescribesPlace);
        Assert.Null(u.Location);
    }

    [Fact]
    public async Task A_place_by_the_water_asks_which_location_and_keeps_the_service_and_day()
    {
        var (message, state) = await AnswerAsync(new DialogueState(), "hydrafacial saturday at the one by the water");

        Assert.Contains("Mission District", message.Text, StringComparison.Ordinal);
        Assert.Contains("Marina", message.Text, StringComparison.Ordinal);
        Assert.EndsWith("?", message.Text, StringComparison.Ordinal);
        Assert.Equal(AgentQuestion.Location, state.Asked);
        Assert.Equal("hydrafacial", state.ServiceId);
        Assert.Equal("2026-11-28", state.DateStart);

        var (_, rule) = Step(state, "the marina");

        Assert.Equal("r19-location-named", rule.Id);
    }

    // A city none of the places is in: where the spa is, nothing started; its own city is a request.

    [Theory]
    [InlineData("any openings in new york city?", "new york city")]
    [InlineData("do you have anything in boston this week", "boston")]
    [InlineData("are you guys in oakland?", "oakland")]
    public void A_city_that_is_not_ours_is_read_as_elsewhere(string text, string place)
    {
        Assert.Equal(place, Read(text).PlaceElsewhere);
    }

    [Theory]
    [InlineData("any openings in san francisco saturday?")]
    [InlineData("any openings in sf this week")]
    [InlineData("any openings in the morning?")]
    [InlineData("do you have anything in 2 weeks")]
    [InlineData("any openings in the marina on sunday")]
    [InlineData("can i book in person")]
    public void The_spas_own_city_a_place_of_ours_or_a_time_is_not_elsewhere(string text)
    {
        Assert.Null(Read(text).PlaceElsewhere);
    }

    [Fact]
    public async Task A_city_that_is_not_ours_is_told_where_the_spa_is_without_starting_a_booking()
    {
        var (message, state) = await AnswerAsync(new DialogueState(), "any openings in new york city?");

        Assert.Contains("San Francisco", message.Text, StringComparison.Ordinal);
        Assert.Contains("Mission District", message.Text, StringComparison.Ordinal);
        Assert.Null(state.Task);
        Assert.Empty(message.Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>());
    }

    [Fact]
    public void Something_else_asked_for_in_another_city_is_not_answered_with_where_the_spa_is()
    {
        var (_, rule) = Step(new DialogueState(), "any cybersecurity jobs available in pittsburgh");

        Assert.NotEqual("r19-city-not-ours", rule.Id);
    }

    // Times said loosely.

    [Theory]
    [InlineData("deep tissue tuesday, anytime but mornings", 12, null)]
    [InlineData("a botox consult this week, just not mornings", 12, null)]
    [InlineData("i cant do mornings, friday?", 12, null)]
    [InlineData("hydrafacial friday, any time except evenings", null, 17)]
    public void Anytime_but_a_part_of_day_is_the_rest_of_the_day(string text, int? fromHour, int? toHour)
    {
        var time = Read(text).Time;

        Assert.NotNull(time);
        Assert.Equal(fromHour is { } f ? new TimeOnly(f, 0) : null, time.From);
        Assert.Equal(toHour is { } t ? new TimeOnly(t, 0) : null, time.To);
    }

    [Fact]
    public void A_lunch_break_is_around_noon()
    {
        var time = Read("any chance i can squeeze in a dermaplaning on my lunch break friday").Time;

        Assert.NotNull(time);
        Assert.Equal(new TimeOnly(11, 30), time.From);
        Assert.Equal(new TimeOnly(13, 0), time.To);
    }

    [Fact]
    public void Spanish_lunch_hour_is_a_time_not_a_look_at_ones_appointments()
    {
        var u = Step(new DialogueState { Language = "es" }, "hola, se puede un hydrafacial pasado mañana en mi hora de almuerzo?").Reading.U;

        Assert.NotEqual(Intent.MyAppointments, u.Intent);
        Assert.Equal(new TimeOnly(11, 30), u.Time?.From);
    }

    // People.

    [Theory]
    [InlineData("hi my daughter is 16 and she really wants a chemical peel on saturday", 16)]
    [InlineData("my son's 15, can he get a facial", 15)]
    public void A_childs_age_said_by_a_parent_is_read(string text, int age)
    {
        Assert.Equal(age, AgeStated.Youngest(text));
    }

    [Fact]
    public void A_name_spelled_after_its_said_is_the_name()
    {
        var state = new DialogueState { Task = DialogueTask.Book, ServiceId = "signature-facial", Asked = AgentQuestion.Name, ChosenSlotId = "s9" };

        var u = Step(state, "it's jane doe, that's j a n e, d o e").Reading.U;

        Assert.Equal("Jane Doe", u.Name);
    }

    [Fact]
    public async Task The_other_length_at_a_read_back_keeps_the_time_read_back()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, ServiceId = "swedish-60", DateStart = "2026-11-24", DateEnd = "2026-11-24", Asked = AgentQuestion.Confirmation,
            PendingTool = "book_appointment", PendingArgs = "{}", ChosenSlotId = "s9", Name = "Dev Patel", Phone = "+14155551919",
            Offered = [new Offer("s9", "2026-11-24", "09:00", "Maya Chen", "Tuesday at 9 AM with Maya")],
        };

        var (_, after) = await AnswerAsync(state, "wait make it the 90 minute one");

        Assert.Equal("swedish-90", after.ServiceId);
        Assert.Equal("09:00", after.Near);
        Assert.True(after.TakeAskedTime);
    }

    [Fact]
    public async Task A_service_refused_for_age_keeps_the_day_for_another_service()
    {
        await using var h = await AgentHarness.StartAsync();

        var replies = await h.TalkAsync("web_r19_teen", "web", null, "hi my daughter is 16 and she really wants a chemical peel on saturday",
            "ok then a regular facial for her instead", "the signature one", "the first one", "Sara Lin, i'm her mom, my number is 415 555 1904", "yes");

        Assert.Contains("18", replies[0].Text ?? "", StringComparison.Ordinal);
        Assert.Contains("Saturday", replies[2].Text ?? "", StringComparison.Ordinal);
        var booked = h.One(await h.BookedAsync());
        Assert.Equal("signature-facial", booked.ServiceId);
        Assert.Equal(new DateOnly(2026, 11, 28), DateOnly.FromDateTime(h.Local(booked)));
    }

    [Theory]
    [InlineData("ugh totally forgot about this, could i come at 4 instead?")]
    [InlineData("can i do 5:30 instead")]
    public void Another_time_instead_with_nothing_asked_is_a_move(string text)
    {
        Assert.Equal(Intent.Reschedule, Read(text).Intent);
    }

    [Fact]
    public void What_i_had_last_time_with_a_day_taken_back_is_the_usual_on_the_day_said_last()
    {
        var u = Read("yeah hi it's ben, i wanna book what i had last time for thursday, oh wait you're closed thursday right? friday then");

        Assert.True(u.Cues.SameAsBefore);
        Assert.Equal(Intent.Book, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 27), u.Date?.Range.Start);
    }

    [Fact]
    public void A_name_then_whose_parent_they_are_is_the_name()
    {
        var state = new DialogueState { Task = DialogueTask.Book, ServiceId = "signature-facial", Asked = AgentQuestion.Phone, ChosenSlotId = "s9" };

        var u = Step(state, "Sara Lin, i'm her mom, my number is 415 555 1904").Reading.U;

        Assert.Equal("Sara Lin", u.Name);
        Assert.Equal("+14155551904", u.Phone);
    }
}
