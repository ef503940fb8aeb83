using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// The pieces behind the lead's trial conversations (tests/scenarios/trial.yaml): text → facts, and a state and one
/// message → the tracker's reading and the policy's row (and, where the call matters, the engine's call).
/// The demo profile's clock: Monday 2026-11-23, 08:00 Los Angeles.
/// </summary>
public sealed class TrialConversationTests
{
    private static DialogueState ReadingBack()
    {
        var state = Offering("10:00");
        state.ChosenSlotId = "s9";
        state.Name = "Sam Lee";
        state.Phone = "+14155550166";
        state.PendingTool = "book_appointment";
        state.PendingArgs = """{"slot_id":"s9","client_name":"Sam Lee","client_phone":"+14155550166"}""";
        state.ReadBack = "HydraFacial with Priya Patel on Wednesday, November 25 at 9 AM";
        state.Asked = AgentQuestion.Confirmation;
        return state;
    }

    private static Utterance Read(string text, DialogueState? state = null) => Engine.Understand(text, History(state ?? new DialogueState()));

    private static async Task<(FunctionCallContent? Call, string Text, DialogueState State)> AnswerAsync(DialogueState state, string text)
    {
        var (message, after) = await DialogueFixture.AnswerAsync(state, text);
        return (message.Contents.OfType<FunctionCallContent>().FirstOrDefault(), message.Text, after);
    }

    // Understanding

    [Fact]
    public void A_time_while_the_kind_of_service_is_asked_is_a_time_not_the_option_in_that_position()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, Asked = AgentQuestion.Service, ServiceOptions = ["Signature Facial", "HydraFacial", "Chemical Peel"],
        };
        var (reading, rule) = Step(state, "the 2pm");
        Assert.Equal(new TimeOnly(14, 0), reading.U.Time?.Exact);
        Assert.Null(reading.ServiceOption);
        Assert.Equal(PolicyAction.Search, rule.Then);
    }

    [Fact]
    public void A_move_to_next_week_keeps_the_target_week_and_the_part_of_day()
    {
        var u = Read("hi yeah can I push my massage on wednesday to next week sometime, mornings are better for me");
        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(new DateOnly(2026, 11, 30), u.Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 12, 6), u.Date?.Range.End);
        Assert.Equal(new TimeOnly(12, 0), u.Time?.To);
    }

    [Fact]
    public void A_bare_weekday_while_next_week_is_in_play_is_that_weeks_day()
    {
        var state = new DialogueState { Task = DialogueTask.Reschedule, DateStart = "2026-11-30", DateEnd = "2026-12-06", Asked = AgentQuestion.Date };
        Assert.Equal(new DateOnly(2026, 12, 1), Read("tuesday", state).Date?.Range.Start);
        Assert.Equal(new DateOnly(2026, 11, 24), Read("tuesday").Date?.Range.Start);
    }

    [Fact]
    public void A_time_after_an_acknowledgement_is_read_and_picks_the_slot()
    {
        var u = Read("ok back, 11 works", Offering());
        Assert.Equal(new TimeOnly(11, 0), u.Time?.Exact);
        Assert.Equal(2, u.ChosenSlot);
    }

    [Theory]
    [InlineData("hey so um I was wondering if yall have anything wednesday for me and my sister, like two massages at the same time")]
    [InlineData("can my friend and i come in at the same time on friday")]
    public void Two_people_at_the_same_time_is_not_a_move(string text)
    {
        var u = Read(text);
        Assert.False(u.SameTime);
        Assert.NotEqual(Intent.Reschedule, u.Intent);
    }

    [Fact]
    public void The_persons_own_name_never_names_a_service_and_a_providers_first_name_in_it_is_not_the_provider()
    {
        var u = Read("Hi! I'm Priya Nair, 415-555-0144, looking for a signature facial on tuesday dec 1st around 11");
        Assert.Equal(ServiceMatchKind.Confident, u.Services.Kind);
        Assert.Equal("signature-facial", u.Services.Service!.Id);
        Assert.Equal("Priya Nair", u.Name);
        Assert.Equal(StaffMatchKind.None, u.Staff.Kind);
        Assert.Equal("+14155550144", u.Phone);
        Assert.Equal(new DateOnly(2026, 12, 1), u.Date?.Range.Start);
    }

    [Fact]
    public void Coming_in_a_bit_later_is_a_move_and_later_is_not_a_service()
    {
        var u = Read("can i come in a bit later on wed? like after 5");
        Assert.Equal(Intent.Reschedule, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.Equal(new TimeOnly(17, 0), u.Time?.From);
    }

    [Theory]
    [InlineData("cancle my apt tmrw pls", Intent.Cancel)]
    [InlineData("need to cancel the one on the 30th", Intent.Cancel)]
    public void Misspelt_and_short_cancels_are_cancels(string text, Intent intent) => Assert.Equal(intent, Read(text).Intent);

    [Fact]
    public void How_long_does_it_take_names_no_service() =>
        Assert.Equal(ServiceMatchKind.None, Read("wait how long does it take?", Offering()).Services.Kind);

    [Theory]
    [InlineData("what are your hours on saturday and is there parking", "what are your hours on saturday|is there parking")]
    [InlineData("Do you guys do massages on saturdays? how much is a deep tissue", "Do you guys do massages on saturdays|how much is a deep tissue")]
    [InlineData("do you do facials and massages", "do you do facials and massages")]
    [InlineData("is there parking", "is there parking")]
    public void A_message_that_asks_two_things_splits_into_its_questions(string text, string parts) =>
        Assert.Equal(parts.Split('|'), QuestionParts.Split(text));

    // Tracker and policy

    [Fact]
    public async Task Details_given_at_an_offer_that_has_the_time_asked_for_take_that_time()
    {
        var (reading, rule) = Step(Offering("10:00"), "Sam Lee 415 555 0166");
        Assert.Equal(PolicyAction.ChooseAskedTime, rule.Then);
        Assert.Equal("s10", reading.OfferAtAskedTime?.SlotId);

        var (call, _, state) = await AnswerAsync(Offering("10:00"), "Sam Lee 415 555 0166");
        Assert.Equal("book_appointment", call?.Name);
        Assert.Equal("s10", call!.Arguments!["slot_id"]?.ToString());
        Assert.Equal("Sam Lee", state.Name);
        Assert.Equal("+14155550166", state.Phone);
    }

    [Fact]
    public async Task Details_given_at_an_offer_without_a_time_asked_are_kept_and_the_time_is_asked_without_a_miss()
    {
        var (_, rule) = Step(Offering(), "Maria Lopez 415 555 0142");
        Assert.Equal(PolicyAction.AskPendingAgain, rule.Then);
        Assert.False(rule.IsMiss);

        var (call, _, state) = await AnswerAsync(Offering(), "Maria Lopez 415 555 0142");
        Assert.Null(call);
        Assert.Equal("Maria Lopez", state.Name);
        Assert.Equal(3, state.Offered.Count);
    }

    [Fact]
    public async Task A_spelling_correction_at_the_read_back_books_the_same_slot_under_the_new_name_and_says_it()
    {
        var (reading, rule) = Step(ReadingBack(), "oh wait its spelled L-I, Sam Li");
        Assert.Equal(ReadBackAnswer.ContactCorrected, reading.ReadBack);
        Assert.Equal(PolicyAction.Resume, rule.Then);
        Assert.Equal("Sam Li", reading.U.Name);

        var (call, _, state) = await AnswerAsync(ReadingBack(), "oh wait its spelled L-I, Sam Li");
        Assert.Equal("book_appointment", call?.Name);
        Assert.Equal("s9", call!.Arguments!["slot_id"]?.ToString());
        Assert.Equal("Sam Li", call.Arguments["client_name"]?.ToString());
        Assert.Equal("Sam Li", state.ContactCorrection);
    }

    [Fact]
    public void No_and_another_place_in_the_list_at_the_read_back_picks_that_offered_slot()
    {
        var (reading, rule) = Step(ReadingBack(), "no actually the last one");
        Assert.Equal(ReadBackAnswer.PicksOfferedSlot, reading.ReadBack);
        Assert.Equal("s11", reading.CorrectedSlot?.SlotId);
        Assert.Equal(PolicyAction.ChooseCorrectedSlot, rule.Then);
    }

    [Fact]
    public void The_hour_one_picks_the_sixty_minute_option()
    {
        var state = new DialogueState
        {
            Task = DialogueTask.Book, Asked = AgentQuestion.Service, DateStart = "2026-11-27", DateEnd = "2026-11-27",
            ServiceOptions = ["Swedish Massage (60 min)", "Swedish Massage (90 min)"],
        };
        var (reading, rule) = Step(state, "the hour one");
        Assert.Equal("swedish-60", reading.ServiceOption?.Id);
        Assert.Equal(PolicyAction.PickServiceOption, rule.Then);
    }

    private static DialogueState TwoAppointments() => new()
    {
        Task = DialogueTask.Cancel,
        Phase = DialoguePhase.PickAppointment,
        AppointmentRefs = ["a1", "a2"],
        AppointmentServices = ["Swedish Massage (60 min)", "HydraFacial"],
        AppointmentLabels = ["Swedish Massage (60 min) on Monday, November 30 at 10 AM", "HydraFacial on Tuesday, December 1 at 11 AM"],
        AppointmentStarts = ["2026-11-30T10:00", "2026-12-01T11:00"],
    };

    [Fact]
    public void The_day_picks_one_of_several_appointments()
    {
        var (reading, rule) = Step(TwoAppointments(), "the one on the 30th");
        Assert.Equal("a1", reading.PickedAppointment);
        Assert.Equal(PolicyAction.PickAppointment, rule.Then);
    }

    [Fact]
    public void A_yes_to_which_appointment_asks_again_as_a_miss()
    {
        var (_, rule) = Step(TwoAppointments(), "yes");
        Assert.Equal(PolicyAction.AskWhichAppointment, rule.Then);
        Assert.True(rule.IsMiss);
    }
}
