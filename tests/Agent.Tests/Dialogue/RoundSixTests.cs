using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 6: the cues, rows and state added for the conversations the lead typed into the product (a task
/// dropped at verification, two people or two services, the service question with facts given, a pick not echoed, a
/// change of provider, "6ish", a side question at a read-back). Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundSixTests
{
    /// <summary>A move under way, waiting for the number on the account.</summary>
    private static DialogueState VerifyingPhone(DialogueTask task = DialogueTask.Reschedule) => new()
    {
        Task = task,
        Phase = DialoguePhase.VerifyPhone,
        Asked = AgentQuestion.Phone,
    };

    [Theory]
    [InlineData("its chloe", "Chloe")]
    [InlineData("this is ben carter", "Ben Carter")]
    [InlineData("im Jenny Park", "Jenny Park")]
    [InlineData("Jenny Park", "Jenny Park")]
    public void A_name_with_the_words_that_introduce_it_is_read_without_them(string text, string name) =>
        Assert.Equal(name, ReplyCues.Read(text).NameCandidate);

    [Theory]
    [InlineData("Jenny Park")]
    [InlineData("its chloe")]
    [InlineData("it's under ava thompson")]
    [InlineData("jenny.park@example.com")]
    public void A_name_or_email_at_the_verification_question_keeps_the_task_and_asks_the_number_again(string text)
    {
        var state = VerifyingPhone();
        var (_, rule) = Step(state, text);
        Assert.Equal(PolicyAction.AskVerifyPhoneAgain, rule.Then);
        Assert.False(rule.IsMiss);
        Assert.Equal(DialogueTask.Reschedule, state.Task);
        Assert.Equal(DialoguePhase.VerifyPhone, state.Phase);
    }

    [Fact]
    public async Task The_number_asked_again_a_second_time_is_worded_otherwise_and_the_task_stays()
    {
        var (first, state) = await AnswerAsync(VerifyingPhone(DialogueTask.Cancel), "Jenny Park");
        Assert.Contains("Thanks, Jenny", first.Text, StringComparison.Ordinal);
        var (second, after) = await AnswerAsync(state, "jenny park");
        Assert.NotEqual(first.Text, second.Text);
        Assert.Equal(DialogueTask.Cancel, after.Task);
        Assert.Equal("Jenny Park", after.Name);
    }

    [Fact]
    public async Task A_facial_and_then_a_massage_searches_the_first_and_keeps_the_second_for_after()
    {
        var (message, state) = await AnswerAsync(new DialogueState(), "can i do a signature facial and then a swedish massage on friday?");
        Assert.Equal("check_availability", message.Contents.OfType<Microsoft.Extensions.AI.FunctionCallContent>().Single().Name);
        Assert.Equal("signature-facial", state.ServiceId);
        Assert.Equal(["swedish-60|swedish-90"], state.NextServices);
    }
}
