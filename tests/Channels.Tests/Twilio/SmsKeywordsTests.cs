using FrontDesk.Channels.Twilio;

namespace FrontDesk.Channels.Tests.Twilio;

public class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("STOPALL")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("  quit!  ")]
    [InlineData("\"Unsubscribe\"")]
    [InlineData("\nEnd\r\n")]
    public void Classify_opt_out_keyword_is_OptOut(string body)
    {
        Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify(body));
    }

    [Theory]
    [InlineData("START")]
    [InlineData("yes")]
    [InlineData("Yes!")]
    [InlineData("unstop")]
    public void Classify_opt_in_keyword_is_OptIn(string body)
    {
        Assert.Equal(SmsKeyword.OptIn, SmsKeywords.Classify(body));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("Info")]
    public void Classify_help_keyword_is_Help(string body)
    {
        Assert.Equal(SmsKeyword.Help, SmsKeywords.Classify(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("stop texting me")]
    [InlineData("yes please")]
    [InlineData("I want to cancel my 3pm")]
    [InlineData("stops")]
    [InlineData("S T O P")]
    [InlineData("Can I book a facial?")]
    public void Classify_anything_else_is_None(string? body)
    {
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(body));
    }
}
