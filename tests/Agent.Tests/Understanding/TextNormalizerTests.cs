using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("I\u2019m \u201Chere\u201D", "I'm \"here\"")]
    [InlineData("yesssss", "yess")]
    [InlineData("sooooo good", "soo good")]
    [InlineData("a\u200Bb\tc\r\nd", "ab c d")]
    [InlineData("ok \U0001F44D", "ok yes")]
    [InlineData("MY NAME IS AVA", "my name is ava")]
    [InlineData("I LOVE it", "I LOVE it")]
    [InlineData("wait\u2026 what", "wait... what")]
    [InlineData(null, "")]
    public void Odd_text_is_cleaned(string? input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Input_is_cut_at_the_maximum_length()
    {
        Assert.Equal(TextNormalizer.MaxLength, TextNormalizer.Normalize(new string('a', 5000).Replace("aaa", "abc", StringComparison.Ordinal)).Length);
    }
}
