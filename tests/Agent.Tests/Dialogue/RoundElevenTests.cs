using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 11 (tests/scenarios/people-round11.yaml): never mind with nothing under way, a name that reads as
/// Spanish words, words a call's transcript splits or swaps. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundElevenTests
{
    [Theory]
    [InlineData("nvm")]
    [InlineData("oh never mind im good")]
    [InlineData("ah forget it")]
    public void Never_mind_with_nothing_under_way_drops_nothing(string text)
    {
        var (reading, rule) = Step(new DialogueState { JustDone = true }, text);

        Assert.Equal(Intent.Nevermind, reading.U.Intent);
        Assert.Equal("r11-never-mind-nothing-under-way", rule.Id);
        Assert.Equal(PolicyAction.NothingToDrop, rule.Then);
    }

    [Theory]
    [InlineData("nvm")]
    [InlineData("never mind")]
    public void Never_mind_at_an_offer_drops_the_booking(string text)
    {
        var (_, rule) = Step(Offering(), text);

        Assert.Equal(PolicyAction.NeverMind, rule.Then);
    }

    [Theory]
    [InlineData("Gwen Lo")]
    [InlineData("Al Grant 4155550417")]
    [InlineData("Ana De La Cruz")]
    public void A_name_whose_short_words_are_spanish_says_no_language(string text) => Assert.Null(LanguageDetector.Identify(text));

    [Theory]
    [InlineData("Buenos Dias", "es")]
    [InlineData("hola, soy Gwen Lo", "es")]
    public void Capitalised_words_that_are_not_a_name_still_tell_the_language(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Identify(text));

    [Theory]
    [InlineData("can i get a hydro facial to morrow at two", "can i get a hydro facial tomorrow at two")]
    [InlineData("deep tissue on wednesday at for thirty", "deep tissue on wednesday at four thirty")]
    [InlineData("tomorrow at for", "tomorrow at four")]
    [InlineData("friday around to pm please", "friday around two pm please")]
    [InlineData("i want to go to work at for sure", "i want to go to work at for sure")]
    [InlineData("book me in for a facial", "book me in for a facial")]
    public void Sound_alikes_of_a_call_transcript_are_read_as_meant(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Four_thirty_misheard_as_for_thirty_is_half_past_four_in_the_afternoon()
    {
        var u = Engine.Understand("yeah i'd like a deep tissue on wednesday at for thirty", History(new DialogueState()));

        Assert.Equal(new TimeOnly(16, 30), u.Time?.Exact);
    }

    private static DialogueState JustBooked() => new()
    {
        JustDone = true,
        LastBookedService = "hydrafacial",
        LastBookedStart = "2026-11-24T14:00",
        LastBookedLocation = "marina",
    };

    [Theory]
    [InlineData("can u book the same thing for my friend right after?")]
    [InlineData("and could you book my friend the same thing right after mine?")]
    [InlineData("can u do my sister too, same thing?")]
    public void The_same_thing_for_someone_else_after_a_booking_books_that_service_again(string text)
    {
        var (reading, rule) = Step(JustBooked(), text);

        Assert.True(reading.U.Cues.SameForAnother);
        Assert.Equal("r11-same-for-someone-else", rule.Id);
        Assert.Equal(PolicyAction.BookSameForAnother, rule.Then);
    }

    [Fact]
    public void The_same_thing_for_someone_else_with_no_booking_made_is_not_that_row()
    {
        var (_, rule) = Step(new DialogueState(), "can u book the same thing for my friend right after?");

        Assert.NotEqual("r11-same-for-someone-else", rule.Id);
    }

    [Theory]
    [InlineData("can u book the same thing for my friend right after?", true)]
    [InlineData("same thing for my mom at the same time", false)]
    public void Right_after_is_read(string text, bool rightAfter) =>
        Assert.Equal(rightAfter, Engine.Understand(text, History(JustBooked())).Cues.RightAfter);

    [Theory]
    [InlineData("can 3 of us get signature facials sat", 3)]
    [InlineData("the three of us want pedicures", 3)]
    public void A_group_of_three_is_a_party_of_three(string text, int size)
    {
        var u = Engine.Understand(text, History(new DialogueState()));

        Assert.True(u.Cues.WithOthers);
        Assert.Equal(size, u.Cues.PartySize);
    }

    [Theory]
    [InlineData("me puede reservar lo mismo para mi amiga justo despues?", "the same thing for my friend right after")]
    [InlineData("ya no voy a poder ir el miercoles, me la cancela xfa", "cancel it")]
    [InlineData("el viernes en la mñn", "in the morning")]
    [InlineData("cuatro uno cinco cinco cinco cinco cero cuatro cero seis", "0 4 0 6")]
    public void Spanish_shorthand_of_round_eleven_is_glossed(string text, string expected) =>
        Assert.Contains(expected, FrontDesk.Agent.Understanding.Spanish.SpanishGloss.ToEnglish(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("Lu Hart")]
    [InlineData("Lou Grey")]
    public void A_name_at_an_offer_is_the_name_not_a_restart_or_a_yes(string text)
    {
        var (reading, rule) = Step(Offering(), text);

        Assert.Equal(text, reading.U.Name);
        Assert.NotEqual(PolicyAction.Restart, rule.Then);
    }

    private static DialogueState ReadingBack() => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "dermaplaning",
        DateStart = "2026-11-25",
        DateEnd = "2026-11-25",
        Asked = AgentQuestion.Confirmation,
        Offered = [new Offer("s15", "2026-11-25", "15:00", "Priya Patel", "Wednesday at 3 PM with Priya")],
        ChosenSlotId = "s15",
        PendingTool = "book_appointment",
        PendingArgs = "{\"slot_id\":\"s15\"}",
    };

    [Theory]
    [InlineData("why do you need my number?")]
    [InlineData("why do u need my name")]
    public void Why_a_detail_is_needed_at_a_read_back_is_said_and_the_read_back_asked_again(string text)
    {
        var (_, rule) = Step(ReadingBack(), text);

        Assert.Equal("r11-why-detail-at-read-back", rule.Id);
        Assert.Equal(PolicyAction.SayWhyAtReadBack, rule.Then);
    }

    [Fact]
    public async Task Times_offered_that_have_gone_by_are_not_picked_the_search_runs_again()
    {
        // The fixture's clock is Monday 08:00 in Los Angeles; a 9 AM offer that day is inside the two-hour lead time.
        var stale = new DialogueState
        {
            Task = DialogueTask.Book,
            ServiceId = "swedish-60",
            DateStart = "2026-11-23",
            DateEnd = "2026-11-23",
            Asked = AgentQuestion.SlotChoice,
            Offered = [new Offer("s9", "2026-11-23", "09:00", "Maya Chen", "Monday at 9 AM with Maya"), new Offer("s14", "2026-11-23", "14:00", "Maya Chen", "Monday at 2 PM with Maya")],
        };

        var (message, state) = await AnswerAsync(stale, "sorry got busy, the first one still open?");

        Assert.Null(state.ChosenSlotId);
        Assert.Contains(message.Contents, c => c is Microsoft.Extensions.AI.FunctionCallContent { Name: "check_availability" });
        Assert.NotNull(state.SayFirst);
    }

    [Theory]
    [InlineData("hey can u move my tuesday massage to friday", "2026-11-24", "2026-11-27", "en")]
    [InlineData("hola, mi masaje del martes me lo puede pasar al sabado", "2026-11-24", "2026-11-28", "es")]
    [InlineData("move the tuesday one to saturday", "2026-11-24", "2026-11-28", "en")]
    public void A_move_names_the_appointment_by_its_day_and_where_it_goes_after_to(string text, string from, string to, string language)
    {
        var u = Engine.Understand(text, History(new DialogueState()), language);

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), u.MoveFrom?.Start);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), u.Date?.Range.Start);
    }

    [Fact]
    public void A_move_to_a_part_of_the_day_keeps_the_appointments_day()
    {
        var u = Engine.Understand("can you push my massage tomorrow to the afternoon", History(new DialogueState()));

        Assert.Equal(new DateOnly(2026, 11, 24), u.MoveFrom?.Start);
        Assert.True(u.SameDay);
    }

    [Theory]
    [InlineData("move my tuesday massage and book a facial for friday")]
    [InlineData("can you change my massage to tuesday for the afternoon")]
    public void A_day_that_is_the_target_is_not_read_as_the_appointments(string text) =>
        Assert.Null(Engine.Understand(text, History(new DialogueState())).MoveFrom);

    [Theory]
    [InlineData("want a signature facial Sat at 11... actually make it 1", 13)]
    [InlineData("deep tissue friday at 3, no wait, 4pm", 16)]
    [InlineData("hydrafacial at 2, sorry is there parking?", 14)]
    public void A_time_changed_on_second_thought_in_the_same_message_is_the_later_one(string text, int hour) =>
        Assert.Equal(new TimeOnly(hour, 0), Engine.Understand(text, History(new DialogueState())).Time?.Exact);

    [Theory]
    [InlineData("it's Jen, uh, Jennifer Lowe actually", "Jennifer Lowe")]
    [InlineData("it's Jen", "Jen")]
    [InlineData("this is Sam, Dana Reyes booked it for me", "Sam")]
    public void A_nickname_corrected_to_a_full_name_is_the_full_name(string text, string name) =>
        Assert.Equal(name, ContactExtractor.Extract(text, expectingName: true).Name);
}
