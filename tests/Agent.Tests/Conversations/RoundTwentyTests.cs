using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Issue 12, round 20: round 20's people (tests/scenarios/people-round20.yaml): unclear answers at a read-back, two things in
/// one message, the late-cancel fee asked mid-booking, groups, a bare city after "where are you located".
/// Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundTwentyTests
{
    private static DialogueState ReadingBack(string language = "en") => new()
    {
        Language = language, Task = DialogueTask.Book, ServiceId = "hydrafacial", Asked = AgentQuestion.Confirmation, PendingTool = "book_appointment",
        PendingArgs = "{}", ChosenSlotId = "s9", Name = "Kim Tran", Phone = "+14155552003",
        Offered = [new Offer("s9", "2026-11-25", "09:00", "Priya Patel", "Wednesday at 9 AM with Priya")],
    };

    // Unclear answers at a read-back never write.

    [Theory]
    [InlineData("yeah no")]
    [InlineData("yes no")]
    [InlineData("ok nah")]
    [InlineData("yeah nope, not that day")]
    public void A_yes_taken_back_by_a_no_is_a_no(string text)
    {
        Assert.Equal(YesNo.No, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes no problem")]
    [InlineData("yeah no worries, book it")]
    public void No_problem_after_a_yes_is_still_a_yes(string text)
    {
        Assert.Equal(YesNo.Yes, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes but")]
    [InlineData("ok but")]
    [InlineData("sure but...")]
    [InlineData("ok but what time was it again")]
    [InlineData("yeah but how long does it take?")]
    [InlineData("sure, but is there parking")]
    [InlineData("sure maybe")]
    [InlineData("yes i guess")]
    [InlineData("ok not sure")]
    public void A_yes_with_an_unfinished_but_or_a_question_after_it_is_no_answer(string text)
    {
        Assert.Equal(YesNo.Unknown, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes but make it 11")]
    [InlineData("ok but with sofia")]
    public void A_yes_with_a_correction_after_but_keeps_the_correction(string text)
    {
        var result = YesNoClassifier.Classify(text);

        Assert.Equal(YesNo.Yes, result.Answer);
        Assert.NotEmpty(result.Remainder);
    }

    [Theory]
    [InlineData("yeah no", "en")]
    [InlineData("ok but what time was it again", "en")]
    [InlineData("si pero", "es")]
    [InlineData("mmm no se", "es")]
    [InlineData("sure maybe", "en")]
    [InlineData("no that's fine", "en")]
    public void An_unclear_answer_at_a_read_back_books_nothing(string text, string language)
    {
        var state = ReadingBack(language);

        var (reading, _) = Step(state, text);

        Assert.NotEqual(ReadBackAnswer.Yes, reading.ReadBack);
    }

    [Theory]
    [InlineData("ok but what time was it again")]
    [InlineData("wait what day was it")]
    [InlineData("sorry can you repeat that")]
    public void The_read_back_asked_again_is_said_again_not_counted_as_a_miss_and_nothing_is_confirmed(string text)
    {
        var state = ReadingBack();

        var (reading, rule) = Step(state, text);

        Assert.NotEqual(YesNo.Yes, reading.U.YesNo);
        Assert.Equal("r20-repeat-read-back", rule.Id);
        Assert.False(rule.IsMiss);
        Assert.Equal("book_appointment", state.PendingTool);
    }
}
