using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 10 (tests/scenarios/people-round10.yaml): lengths and times said in words on a call, a short reply with
/// a number that the classifier reads as asking for a person. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTenTests
{
    private static DialogueState ChoosingSwedishLength() => new()
    {
        Task = DialogueTask.Book,
        DateStart = "2026-11-25",
        DateEnd = "2026-11-25",
        Asked = AgentQuestion.Service,
        ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"],
    };

    [Theory]
    [InlineData("the 60 please", "swedish-60")]
    [InlineData("60 please", "swedish-60")]
    [InlineData("the 90 one pls", "swedish-90")]
    [InlineData("the sixty minute one", "swedish-60")]
    [InlineData("ninety minutes please", "swedish-90")]
    public void A_length_said_at_the_choice_of_lengths_picks_it_and_asks_for_no_person(string text, string service)
    {
        var state = ChoosingSwedishLength();

        var (reading, rule) = Step(state, text);

        Assert.NotEqual(Intent.Human, reading.U.Intent);
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
        Assert.Equal(service, reading.ServiceOption!.Id);
    }

    [Theory]
    [InlineData("can i talk to a person please")]
    public void Asking_for_a_person_is_still_a_person(string text)
    {
        var (reading, _) = Step(ChoosingSwedishLength(), text);

        Assert.Equal(Intent.Human, reading.U.Intent);
    }

    [Theory]
    [InlineData("uh eleven fifteen if you have it", 11, 15)]
    [InlineData("eleven fifteen if that's possible", 11, 15)]
    [InlineData("2:30 then", 14, 30)]
    public void A_time_in_words_with_a_condition_at_an_offer_is_that_time(string text, int hour, int minute)
    {
        var u = Engine.Understand(text, History(Offering()));

        Assert.Equal(new TimeOnly(hour, minute), u.Time?.Exact);
    }

    [Theory]
    [InlineData("me n my bf want deep tissue massages sat morning")]
    [InlineData("me & my sister want facials friday")]
    [InlineData("my gf and i want a swedish massage")]
    public void Two_people_said_the_way_people_text_it_is_a_party_of_two(string text)
    {
        var u = Engine.Understand(text, History(new DialogueState()));

        Assert.True(u.Cues.WithOthers);
        Assert.Equal(2, u.Cues.PartySize);
    }

    private static DialogueState TwoAppointmentsListed() => new()
    {
        Task = DialogueTask.Reschedule,
        Phase = DialoguePhase.PickAppointment,
        AppointmentRefs = ["a1", "a2"],
        AppointmentLabels = ["Swedish Massage (60 min) on Tuesday, November 24 at 10 AM with Maya Chen", "HydraFacial on Wednesday, November 25 at 10 AM with Priya Patel"],
        AppointmentServices = ["swedish-60", "hydrafacial"],
        AppointmentStarts = ["2026-11-24T10:00:00", "2026-11-25T10:00:00"],
    };

    [Theory]
    [InlineData("the massage, not the facial", "a1")]
    [InlineData("the facial but keep the massage", "a2")]
    [InlineData("the massage, leave my facial", "a1")]
    public void The_appointment_named_beside_one_said_as_not_meant_is_the_one_picked(string text, string picked)
    {
        var (reading, rule) = Step(TwoAppointmentsListed(), text);

        Assert.Equal(picked, reading.PickedAppointment);
        Assert.Equal(PolicyAction.PickAppointment, rule.Then);
    }

    [Fact]
    public void No_the_massage_with_a_comma_after_no_is_a_correction_that_still_names_the_massage()
    {
        var (reading, _) = Step(TwoAppointmentsListed(), "no, the massage");

        Assert.Equal("a1", reading.PickedAppointment);
    }

    [Fact]
    public void Two_second_thoughts_about_the_day_in_one_message_keep_the_last_day()
    {
        var u = Engine.Understand("dermaplaning tuesday at 11.. actually no wednesday.. wait friday is better", History(new DialogueState()));

        Assert.Equal(new DateOnly(2026, 11, 27), u.Date!.Range.Start);
        Assert.Equal(new TimeOnly(11, 0), u.Time?.Exact);
    }

    private static DialogueState PhoneAskedAfterPick() => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "dermaplaning",
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
        Asked = AgentQuestion.Phone,
        ChosenSlotId = "s9",
        Offered = [new Offer("s9", "2026-11-27", "09:00", "Priya Patel", "Friday at 9 AM with Priya")],
    };

    [Theory]
    [InlineData("why do u need my number?")]
    [InlineData("what do you need my phone number for")]
    public void Why_a_number_is_needed_after_a_pick_is_answered_and_the_pick_kept(string text)
    {
        var state = PhoneAskedAfterPick();

        var (_, rule) = Step(state, text);

        Assert.Equal(PolicyAction.SayWhyDetail, rule.Then);
        Assert.Equal("s9", state.ChosenSlotId);
    }

    [Fact]
    public async Task Why_a_number_is_needed_is_said_then_the_number_asked_again()
    {
        var (message, state) = await AnswerAsync(PhoneAskedAfterPick(), "why do u need my number?");

        Assert.Contains("only for this booking", message.Text, StringComparison.Ordinal);
        Assert.Equal(AgentQuestion.Phone, state.Asked);
        Assert.Equal("s9", state.ChosenSlotId);
    }

    [Theory]
    [InlineData("10 actually", "s10")]
    [InlineData("ugh no 11 sorry", "s11")]
    public void A_bare_hour_said_as_a_second_thought_at_a_read_back_picks_that_offered_time(string text, string slot)
    {
        var state = Offering();
        state.Asked = AgentQuestion.Confirmation;
        state.ChosenSlotId = "s9";
        state.PendingTool = "book_appointment";
        state.PendingArgs = """{"slot_id":"s9","client_name":"Zoe Hart","client_phone":"+14155550319"}""";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday, November 25 at 9 AM";

        var (reading, rule) = Step(state, text);

        Assert.Equal(ReadBackAnswer.PicksOfferedSlot, reading.ReadBack);
        Assert.Equal(slot, reading.CorrectedSlot!.SlotId);
        Assert.Equal(PolicyAction.ChooseCorrectedSlot, rule.Then);
    }

    [Theory]
    [InlineData("alright lets do that tomorrow at eleven")]
    [InlineData("ok tomorrow at 11 then")]
    public void A_day_or_time_right_after_a_price_answer_books_that_service(string text)
    {
        var state = new DialogueState { ServiceId = "dermaplaning" };

        var (_, rule) = Step(state, text);

        Assert.Equal("r10-book-what-was-asked-about", rule.Id);
        Assert.Equal(PolicyAction.Search, rule.Then);
    }

    [Fact]
    public void A_question_with_a_day_after_a_price_answer_is_not_taken_as_a_booking()
    {
        var (_, rule) = Step(new DialogueState { ServiceId = "dermaplaning" }, "are you open tomorrow?");

        Assert.NotEqual("r10-book-what-was-asked-about", rule.Id);
    }

    [Theory]
    [InlineData("did anything open up yet")]
    [InlineData("any openings yet?")]
    [InlineData("has a spot opened up")]
    public void Whether_anything_opened_up_after_joining_the_waitlist_is_checked_not_taken(string text)
    {
        var state = new DialogueState { OnWaitlist = true };

        var (_, rule) = Step(state, text);

        Assert.Equal(PolicyAction.CheckWaitlistOffer, rule.Then);
    }

    [Fact]
    public void Whether_anything_opened_up_with_no_waitlist_joined_is_not_a_waitlist_check()
    {
        var (_, rule) = Step(new DialogueState(), "did anything open up yet");

        Assert.NotEqual(PolicyAction.CheckWaitlistOffer, rule.Then);
    }

    [Theory]
    [InlineData("no thanks, ill try another time")]
    [InlineData("no thank you")]
    public void A_no_to_the_times_or_the_waitlist_closes_politely(string text)
    {
        var state = Offering();
        state.Phase = DialoguePhase.WaitlistOffer;

        var (_, rule) = Step(state, text);

        Assert.Equal(PolicyAction.DeclineSlotsAndWaitlist, rule.Then);
    }

    [Theory]
    [InlineData("any chance i can come earlier sat?")]
    [InlineData("can i come in later on friday")]
    public void Coming_earlier_or_later_is_a_move(string text)
    {
        Assert.Equal(Intent.Reschedule, Engine.Understand(text, History(new DialogueState())).Intent);
    }

    [Fact]
    public void The_day_one_to_another_day_picks_the_appointment_by_its_day_and_keeps_where_it_goes()
    {
        var state = TwoAppointmentsListed();

        var (reading, rule) = Step(state, "the tuesday one to saturday");

        Assert.Equal(new DateOnly(2026, 11, 24), reading.U.MoveFrom?.Start);
        Assert.Equal(new DateOnly(2026, 11, 28), reading.U.Date?.Range.Start);
        Assert.Equal("a1", reading.PickedAppointment);
        Assert.Equal(PolicyAction.PickAppointment, rule.Then);
    }
}
