using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class YesNoClassifierTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yeah")]
    [InlineData("yep!")]
    [InlineData("sure")]
    [InlineData("sounds good")]
    [InlineData("Perfect.")]
    [InlineData("that works")]
    [InlineData("book it")]
    [InlineData("go ahead")]
    [InlineData("correct")]
    [InlineData("please do")]
    [InlineData("absolutely")]
    [InlineData("ok")]
    [InlineData("OK!")]
    [InlineData("👍")]
    [InlineData("yesss")]
    [InlineData("um yeah that's fine")]
    [InlineData("no problem")]
    [InlineData("that's right")]
    public void Yes_forms(string text)
    {
        Assert.Equal(YesNo.Yes, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not really")]
    [InlineData("that doesn't work")]
    [InlineData("That doesn’t work for me")]
    [InlineData("wrong")]
    [InlineData("no thanks")]
    [InlineData("no thank you")]
    [InlineData("I don't think so")]
    [InlineData("👎")]
    public void No_forms(string text)
    {
        Assert.Equal(YesNo.No, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("what time do you close")]
    [InlineData("good morning")]
    [InlineData("I want a facial")]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("please book me a facial for friday")]
    public void Neither(string text)
    {
        Assert.Equal(YesNo.Unknown, YesNoClassifier.Classify(text).Answer);
    }

    [Theory]
    [InlineData("yes but make it 4", YesNo.Yes, "make it 4")]
    [InlineData("Sure, and can you add a mani?", YesNo.Yes, "can you add a mani?")]
    [InlineData("no, Tuesday", YesNo.No, "Tuesday")]
    [InlineData("no wait, make it 3:30", YesNo.No, "make it 3:30")]
    [InlineData("yes please", YesNo.Yes, "")]
    public void The_remainder_after_the_answer_is_kept(string text, YesNo answer, string remainder)
    {
        var result = YesNoClassifier.Classify(text);

        Assert.Equal(answer, result.Answer);
        Assert.Equal(remainder, result.Remainder);
    }
}
