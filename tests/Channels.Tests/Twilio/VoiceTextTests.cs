using FrontDesk.Channels.Twilio;

namespace FrontDesk.Channels.Tests.Twilio;

public sealed class VoiceTextTests
{
    [Theory]
    [InlineData("Book online at https://willowandsage.example/book today.", "Book online at our website today.")]
    [InlineData("We're open 09:00-19:00 on weekdays.", "We're open 9 AM to 7 PM on weekdays.")]
    [InlineData("Your appointment is on 2026-11-24 at 2:00 PM.", "Your appointment is on Tuesday, November 24 at 2 PM.")]
    [InlineData("It's $199.00 or $45.50 for the add-on.", "It's 199 dollars or 45 dollars and 50 cents for the add-on.")]
    [InlineData("Call us at +14155550100.", "Call us at 4 1 5, 5 5 5, 0 1 0 0.")]
    [InlineData("**Great!** We have:\n- 10 AM\n- 2:30 PM\n- 4 PM", "Great! We have, 10 AM, 2:30 PM, 4 PM")]
    [InlineData("Facials & peels (50% off)", "Facials and peels, 50 percent off")]
    [InlineData("Meet us at 14:30.", "Meet us at 2:30 PM.")]
    public void Replies_are_rewritten_for_the_ear(string written, string spoken)
    {
        Assert.Equal(spoken, VoiceText.ForSpeech(written));
    }

    [Fact]
    public void Symbols_never_reach_the_speech_engine()
    {
        var spoken = VoiceText.ForSpeech("# Menu\n* [Botox](https://x.example) | `code` ~ ^ < > = \\ $ @ email me at a.b@example.com");
        Assert.DoesNotMatch("[#*\\[\\]|`~^<>=\\\\$@]", spoken);
        Assert.DoesNotContain("http", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_reply_keeps_whole_sentences_and_stays_short()
    {
        var text = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"This is sentence number {i}."));
        var spoken = VoiceText.ForSpeech(text);
        Assert.True(spoken.Length <= VoiceText.MaxLength);
        Assert.EndsWith(".", spoken, StringComparison.Ordinal);
        Assert.StartsWith("This is sentence number 1.", spoken, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_stays_nothing(string? text) => Assert.Equal("", VoiceText.ForSpeech(text));

    [Theory]
    [InlineData("Masaje de tejido profundo (60 min) cuesta $145.", "Masaje de tejido profundo, 60 min, cuesta 145 dólares.")]
    [InlineData("El depósito es $49.50 o 20% del total.", "El depósito es 49 dólares y 50 centavos o 20 por ciento del total.")]
    [InlineData("Bienvenida a Willow & Sage.", "Bienvenida a Willow y Sage.")]
    public void A_Spanish_reply_says_money_and_symbols_in_Spanish(string text, string spoken) => Assert.Equal(spoken, VoiceText.ForSpeech(text, "es"));
}
