using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 7: "that day" with a booking verb, a question at an offer of times, "my usual", and picking among
/// the person's own appointments once they were said. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundSevenTests
{
    /// <summary>The person's two appointments, just said ("what appointments do i have").</summary>
    private static DialogueState Listed() => new()
    {
        AppointmentRefs = ["A1", "A2"],
        AppointmentServices = ["Swedish Massage (60 min)", "HydraFacial"],
        AppointmentLabels = ["Swedish Massage (60 min) on Friday", "HydraFacial on Saturday"],
        AppointmentStarts = ["2026-11-27T10:00", "2026-11-28T12:00"],
    };

    [Theory]
    [InlineData("hi can i book my usual for friday")]
    [InlineData("same as last time please")]
    [InlineData("can i get the same massage as before")]
    [InlineData("book me again with maya on saturday")]
    [InlineData("like last time pls")]
    public void A_past_visit_asked_for_is_read(string text) => Assert.True(ReplyCues.Read(text).SameAsBefore);

    [Theory]
    [InlineData("can i book a massage at the same time as my friend")]
    [InlineData("same time next week")]
    [InlineData("what did i have last time")]
    public void Other_sames_are_not_a_past_visit(string text) => Assert.False(ReplyCues.Read(text).SameAsBefore);

    [Fact]
    public void An_order_of_services_at_an_offer_picks_no_time()
    {
        var (reading, rule) = Step(Offering(), "ok hydrafacial first then");
        Assert.Null(reading.Chosen);
        Assert.NotEqual(PolicyAction.ChooseSlot, rule.Then);
    }

    [Fact]
    public void That_day_with_a_service_and_a_booking_verb_is_a_new_booking()
    {
        var state = new DialogueState { LastHoursDay = "2026-11-28" };
        var (reading, rule) = Step(state, "cool can i book a hydrafacial that day");
        Assert.NotEqual(Intent.Reschedule, reading.U.Intent);
        Assert.Equal(PolicyAction.Search, rule.Then);
        Assert.Equal(new DateOnly(2026, 11, 28), reading.U.Date?.Range.Start);
    }

    [Fact]
    public async Task A_question_at_an_offer_is_looked_up_and_the_times_kept_to_say_again()
    {
        var (message, state) = await AnswerAsync(Offering(), "is there parking?");
        Assert.Equal("answer_faq", message.Contents.OfType<FunctionCallContent>().Single().Name);
        Assert.True(state.RestateOffer);
        Assert.Equal(AgentQuestion.SlotChoice, state.Asked);
        Assert.Equal(3, state.Offered.Count);
    }

    [Fact]
    public async Task My_usual_looks_up_the_client_and_keeps_the_day()
    {
        var (message, state) = await AnswerAsync(new DialogueState(), "hi can i book my usual for friday");
        Assert.True(message.Contents.OfType<FunctionCallContent>().Any(), message.Text);
        Assert.Equal("find_client", message.Contents.OfType<FunctionCallContent>().Single().Name);
        Assert.True(state.LookingUpUsual);
        Assert.Equal("2026-11-27", state.DateStart);
        Assert.Null(state.ServiceId);
    }

    [Theory]
    [InlineData("cancel the second one", "HydraFacial on Saturday")]
    [InlineData("cancel the first one", "Swedish Massage (60 min) on Friday")]
    public async Task A_cancel_naming_one_of_the_appointments_just_said_keeps_which(string text, string label)
    {
        var (message, state) = await AnswerAsync(Listed(), text);
        Assert.True(message.Contents.OfType<FunctionCallContent>().Any(), message.Text);
        Assert.Equal("list_appointments", message.Contents.OfType<FunctionCallContent>().Single().Name);
        Assert.Equal(DialogueTask.Cancel, state.Task);
        Assert.Equal(label, state.AppointmentPicked);
    }

    [Fact]
    public void The_last_one_of_two_appointments_is_the_second_not_a_third()
    {
        var state = Listed();
        state.Task = DialogueTask.Cancel;
        state.Phase = DialoguePhase.PickAppointment;
        var (reading, rule) = Step(state, "the last one");
        Assert.Equal(PolicyAction.PickAppointment, rule.Then);
        Assert.Equal("A2", reading.PickedAppointment);
    }

    [Fact]
    public async Task And_the_one_after_says_the_next_appointment()
    {
        var (message, state) = await AnswerAsync(Listed(), "and the one after?");
        Assert.Contains("HydraFacial on Saturday", message.Text, StringComparison.Ordinal);
        Assert.Equal(1, state.AppointmentSaid);
    }
}
