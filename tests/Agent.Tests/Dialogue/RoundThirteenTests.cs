using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 13: round 13's people (tests/scenarios/people-round13.yaml). Demo profile, Monday 2026-11-23 08:00
/// Los Angeles.
/// </summary>
public sealed class RoundThirteenTests
{
    private static readonly SafetyScreen Screen = new(Demo, EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml")));

    [Theory]
    [InlineData("hi, can you bump my hydrafacial to the same time the following week")]
    [InlineData("same time next week for my facial?")]
    public void The_same_time_the_following_week_is_a_shift_of_a_week(string text) =>
        Assert.Equal(7 * 24 * 60, Engine.Understand(text, History(new DialogueState())).ShiftMinutes);

    [Theory]
    [InlineData("uh deep tissue on tuesday, no, wednesday, sorry, in the morning", 25)]
    [InlineData("tuesday, no, wednesday", 25)]
    [InlineData("friday - no, saturday works better", 28)]
    public void A_day_repaired_in_the_same_breath_is_the_day_said_after_the_repair(string text, int day) =>
        Assert.Equal(new DateOnly(2026, 11, day), Engine.Understand(text, History(new DialogueState())).Date?.Range.Start);

    [Fact]
    public void A_spanish_not_between_two_days_is_not_a_repair()
    {
        // "era el sabado no el viernes" (read into English as "… saturday no the friday"): Saturday, not Friday.
        var u = Engine.Understand("perdon era el sabado no el viernes", History(new DialogueState { Language = "es" }), "es");

        Assert.Equal(new DateOnly(2026, 11, 28), u.Date?.Range.Start);
    }

    [Theory]
    [InlineData("swedish sixty on saturday morning", "swedish-60")]
    [InlineData("a swedish ninety please", "swedish-90")]
    public void A_length_said_as_a_word_picks_that_length(string text, string service) =>
        Assert.Equal(service, Engine.Understand(text, History(new DialogueState())).Services.Service?.Id);

    [Fact]
    public void Ninety_at_the_choice_of_lengths_picks_the_ninety()
    {
        var state = new DialogueState { Task = DialogueTask.Book, Asked = AgentQuestion.Service, ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"] };

        var (reading, rule) = Step(state, "ninety please");

        Assert.Contains(90, reading.U.Cues.Numbers);
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
    }

    [Fact]
    public void The_hour_ones_is_the_sixty_minute_length() =>
        Assert.Contains(60, Engine.Understand("the hour ones", History(new DialogueState())).Cues.Minutes);

    [Theory]
    [InlineData("wait no actually keep it", "cancel_appointment")]
    [InlineData("hmm actually nvm, keep it where it is", "reschedule_appointment")]
    [InlineData("ay no espera, mejor dejala", "cancel_appointment")]
    [InlineData("don't cancel it", "cancel_appointment")]
    public void Keep_it_at_a_cancel_or_move_read_back_is_a_no(string text, string tool)
    {
        var state = new DialogueState
        {
            Task = tool == "cancel_appointment" ? DialogueTask.Cancel : DialogueTask.Reschedule,
            Asked = AgentQuestion.Confirmation,
            PendingTool = tool,
            PendingArgs = "{}",
            ReadBack = "the appointment",
            AppointmentRef = "A1",
            Language = text.Contains("dejala", StringComparison.Ordinal) ? "es" : null,
        };

        var reading = DialogueTracker.Observe(state, Engine.Understand(text, History(state), state.Language), Demo, AllTools);

        Assert.Equal(ReadBackAnswer.Declined, reading.ReadBack);
        Assert.Equal(PolicyAction.SayDeclined, DialoguePolicy.Decide(state, reading).Then);
        Assert.Null(state.PendingTool);
    }

    [Theory]
    [InlineData("keep it up guys, love this place")]
    [InlineData("keep it short please")]
    public void Keep_it_said_of_something_else_is_no_keep_as_is(string text) =>
        Assert.False(Engine.Understand(text, History(new DialogueState())).Cues.KeepsAsIs);

    [Fact]
    public void Keep_it_at_a_bookings_read_back_is_not_taken_as_a_no()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment", PendingArgs = "{}", ReadBack = "the booking",
        };

        var reading = DialogueTracker.Observe(state, Engine.Understand("keep it", History(state)), Demo, AllTools);

        Assert.NotEqual(ReadBackAnswer.Declined, reading.ReadBack);
        Assert.Equal("book_appointment", state.PendingTool);
    }

    [Theory]
    [InlineData("oh also my face has been swelling up since the filler yesterday and its getting worse")]
    [InlineData("my face is swelling up since the filler yesterday")]
    [InlineData("me hice relleno ayer y se me hincha la cara")]
    public void The_face_swelling_up_after_a_treatment_gets_emergency_guidance(string text) =>
        Assert.Equal("emergency", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("my lips are a little swollen after the filler, is that normal?")]
    [InlineData("some swelling after botox yesterday")]
    public void Ordinary_swelling_after_a_treatment_still_goes_to_a_clinician(string text) =>
        Assert.Equal("medical", Screen.ScreenInbound(text).Category?.Name);

    [Theory]
    [InlineData("10 is good for her")]
    [InlineData("the 10 for my daughter")]
    [InlineData("10 works for him")]
    public void A_time_picked_for_the_second_person_is_a_pick(string text)
    {
        var (reading, rule) = Step(Offering(), text);

        Assert.Equal("s10", reading.Chosen?.SlotId);
        Assert.Equal(PolicyAction.ChooseSlot, rule.Then);
    }

    [Theory]
    [InlineData("sorry can you repeat that")]
    [InlineData("come again?")]
    [InlineData("what were the times again?")]
    [InlineData("me lo repite?")]
    public void Asking_to_hear_the_times_again_repeats_the_offer_and_is_no_miss(string text)
    {
        var state = Offering();
        if (text.StartsWith("me", StringComparison.Ordinal))
        {
            state.Language = "es";
        }

        var reading = DialogueTracker.Observe(state, Engine.Understand(text, History(state), state.Language), Demo, AllTools);
        var rule = DialoguePolicy.Decide(state, reading);

        Assert.Equal(PolicyAction.RepeatOffer, rule.Then);
        Assert.False(rule.IsMiss);
    }

    [Fact]
    public async Task The_repeated_offer_says_every_time_on_offer()
    {
        var (message, _) = await AnswerAsync(Offering(), "sorry can you repeat that");

        Assert.Contains("Wednesday at 9 AM with Priya", message.Text, StringComparison.Ordinal);
        Assert.Contains("Wednesday at 11 AM with Priya", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ponme_en_la_lista_is_the_waitlist() =>
        Assert.True(Engine.Understand("ponme en la lista xfa", History(new DialogueState { Language = "es" }), "es").Cues.MentionsWaitlist);

    [Fact]
    public void Se_llama_gives_the_name_of_the_person_booked_for()
    {
        var state = new DialogueState { Language = "es", Asked = AgentQuestion.Name };

        var u = Engine.Understand("se llama Carmen Ibarra, su cel es 415 555 0620", History(state), "es");

        Assert.Equal("Carmen Ibarra", u.Name);
        Assert.Equal("+14155550620", u.Phone);
    }

    [Fact]
    public void A_read_back_said_again_for_a_corrected_email_is_a_contact_correction()
    {
        // A corrected e-mail at a booking's read-back is read back again with the change (EmbeddedChatClient does not count
        // that ask towards a hand-off, however often the read-back was said; people-round13's
        // r13-long-dermaplaning-question-at-readback-web runs it whole).
        var state = new DialogueState
        {
            Task = DialogueTask.Book, ServiceId = "dermaplaning", Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment",
            PendingArgs = "{\"slot_id\":\"s9\",\"client_name\":\"Kira Lane\",\"phone\":\"+14155550606\",\"email\":\"kira.lane@example.com\"}",
            ReadBack = "Dermaplaning with Priya Patel on Monday, November 30 at 9 AM at Mission District", ChosenSlotId = "s9",
            Offered = [new Offer("s9", "2026-11-30", "09:00", "Priya Patel", "Monday at 9 AM with Priya")],
            Name = "Kira Lane", Phone = "+14155550606", Email = "kira.lane@example.com",
        };

        var (reading, rule) = Step(state, "oh and the email's wrong, its kiralane@example.com");

        Assert.Equal(ReadBackAnswer.ContactCorrected, reading.ReadBack);
        Assert.Equal(PolicyAction.Resume, rule.Then);
        Assert.Equal("kiralane@example.com", state.Email);
    }

    [Fact]
    public async Task The_kinds_asked_a_third_time_with_no_day_given_do_not_say_a_day_was_kept()
    {
        var (_, state) = await AnswerAsync(new DialogueState(), "i need to book something");
        (_, state) = await AnswerAsync(state, "uhh");

        var (message, _) = await AnswerAsync(state, "4155550101");

        Assert.DoesNotContain("kept the day", message.Text, StringComparison.Ordinal);
        Assert.Contains("what kind of treatment", message.Text, StringComparison.OrdinalIgnoreCase);
    }
}
