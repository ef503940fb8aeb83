using FrontDesk.Agent.Languages;

namespace FrontDesk.Agent.Tests.Languages;

/// <summary>Asking which language the conversation is in: answered in it when served, never passed to the team.</summary>
public sealed class LanguageRequestTests
{
    [Theory]
    [InlineData("hi do you speak spanish?", "es")]
    [InlineData("¿habla español?", "es")]
    [InlineData("hablas espanol", "es")]
    [InlineData("can we talk in spanish please", "es")]
    [InlineData("is there someone who speaks spanish", "es")]
    [InlineData("en inglés por favor", "en")]
    [InlineData("¿me puede atender en inglés?", "en")]
    [InlineData("english please", "en")]
    [InlineData("can you speak to me using japanese", "other")]
    [InlineData("let me talk to you in greek", "other")]
    [InlineData("could u text me using spanish", "es")]
    [InlineData("can you talk to me in italian", "other")]
    public void A_language_asked_for_is_read(string text, string language) => Assert.Equal(language, LanguageRequest.Read(text));

    [Theory]
    [InlineData("my spanish teacher recommended your facials")]
    [InlineData("is the english breakfast tea free")]
    [InlineData("i speak to my mom in spanish every day")]
    [InlineData("quiero un masaje sueco el viernes")]
    public void Words_about_a_language_are_not_a_request_for_it(string text) => Assert.Null(LanguageRequest.Read(text));
}
