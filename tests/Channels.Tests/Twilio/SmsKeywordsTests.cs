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
    [InlineData("stop texting me")]
    [InlineData("quit sending me messages")]
    [InlineData("take me off your list")]
    [InlineData("Unsubscribe me.")]
    [InlineData("no more messages please")]
    [InlineData("ugh never mind, stop texting me!!")]
    [InlineData("pls stop texting this number")]
    [InlineData("Remove my number from your texts please")]
    [InlineData("don't text me")]
    public void Classify_an_opt_out_in_words_is_OptOut(string body)
    {
        Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("yes please")]
    [InlineData("please don't stop texting me the reminders, they help")]
    [InlineData("will you text me a reminder the day before?")]
    [InlineData("i need to cancel my facial on wednesday")]
    [InlineData("I want to cancel my 3pm")]
    [InlineData("stops")]
    [InlineData("S T O P")]
    [InlineData("Can I book a facial?")]
    public void Classify_anything_else_is_None(string? body)
    {
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(body));
    }

    [Theory]
    [InlineData("no gracias, ya no me interesa, sacame de la lista", true)]
    [InlineData("no thanks, take me off the list", true)]
    [InlineData("STOP", false)]
    [InlineData("please stop texting me", false)]
    [InlineData("take me off your texting list", false)]
    [InlineData("borrenme de su lista de mensajes", false)]
    public void AsksOffAList_is_an_opt_out_in_words_naming_a_list_and_not_the_texts(string body, bool expected)
    {
        Assert.Equal(expected, SmsKeywords.AsksOffAList(body));
    }
}
