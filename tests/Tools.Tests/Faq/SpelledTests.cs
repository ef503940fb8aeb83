using FrontDesk.Tools.Faq;

namespace FrontDesk.Tools.Tests.Faq;

/// <summary>Chat shorthand written out for the model that matches FAQ entries ("r u open sat?").</summary>
public sealed class SpelledTests
{
    [Theory]
    [InlineData("r u open sat?", "are you open saturday?")]
    [InlineData("u guys open tues", "you guys open tuesday")]
    [InlineData("hours fri and tmrw?", "hours friday and tomorrow?")]
    [InlineData("wanna come in weds", "want to come in wednesday")]
    public void Shorthand_and_short_days_are_written_out(string typed, string spelled) =>
        Assert.Equal(spelled, SemanticFaq.Spelled(typed));

    [Theory]
    [InlineData("i sat in the sauna too long")]
    [InlineData("does the sun damage treatment hurt")]
    [InlineData("we wed in june, do you do bridal packages")]
    public void A_word_that_is_not_a_day_there_is_left_alone(string text) =>
        Assert.Equal(text, SemanticFaq.Spelled(text));
}
