using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 9 (from CLINC's own train and validation splits): a real word is not a typo of a service word; a
/// question to the assistant as a person is small talk about the assistant; a question about another business that the
/// spa's information does not answer is out of scope, not for the team.
/// </summary>
public sealed class RoundNineMeaningTests
{
    private static readonly SpaVocabulary Spa = new(
        [
            new ServiceTerm("swedish-90", "Swedish Massage (90 min)", ["long swedish", "90 minute swedish"], "massage"),
            new ServiceTerm("chemical-peel", "Chemical Peel", ["peel", "glycolic peel"], "skin"),
            new ServiceTerm("prenatal-60", "Prenatal Massage (60 min)", ["pregnancy massage", "maternity massage"], "massage"),
        ],
        [new PersonTerm("ava", "Ava Hart")],
        [new PlaceTerm("marina", "Marina")]);

    private readonly ServiceMatcher _services = new(Spa);

    [Theory]
    [InlineData("skip this song")]
    [InlineData("i feel like going out tonight")]
    [InlineData("play the next song please")]
    public void A_real_word_one_letter_from_a_service_word_is_not_that_service(string text) =>
        Assert.Equal(ServiceMatchKind.None, _services.Match(text).Kind);

    [Theory]
    [InlineData("that was hard to find")]
    [InlineData("i heard you have openings")]
    public void A_real_word_one_letter_from_a_providers_name_is_not_that_provider(string text) =>
        Assert.Equal(StaffMatchKind.None, new StaffMatcher(Spa).Match(text).Kind);

    [Fact]
    public void A_typo_of_a_providers_name_still_finds_the_provider() =>
        Assert.Equal(StaffMatchKind.Confident, new StaffMatcher(Spa).Match("with ava hartt please").Kind);

    [Theory]
    [InlineData("a chemical peal on friday", "chemical-peel")]
    [InlineData("the long swedsh one", "swedish-90")]
    public void A_typo_that_is_no_word_still_finds_the_service(string text, string id)
    {
        var match = _services.Match(text);
        Assert.Equal(ServiceMatchKind.Confident, match.Kind);
        Assert.Equal(id, match.Service!.Id);
    }

    [Fact]
    public void A_real_word_that_is_another_form_of_the_indexed_word_still_matches() =>
        Assert.Contains(_services.Match("a pregnant massage").Services, s => s.Id == "prenatal-60");

    [Theory]
    [InlineData("can i ask your name?")]
    [InlineData("what's your name")]
    [InlineData("how old are you lol")]
    [InlineData("wait who made you")]
    [InlineData("what do you do for fun")]
    [InlineData("do you have hobbies")]
    [InlineData("where are you from")]
    [InlineData("can i call you alex")]
    [InlineData("what organization manufactures you")]
    [InlineData("what firm is responsible for your design")]
    public void A_question_to_the_assistant_as_a_person_is_read(string text) => Assert.True(ReplyCues.Read(text).AsksAboutAssistant);

    [Theory]
    [InlineData("what's your age limit for botox")]
    [InlineData("can i call you back later")]
    [InlineData("i'll call you guys tomorrow")]
    [InlineData("can i speak to your manager")]
    [InlineData("do you have parking")]
    [InlineData("who made you wait last time")]
    [InlineData("what is your cancellation policy")]
    public void A_question_about_the_spa_is_not_one_about_the_assistant(string text) => Assert.False(ReplyCues.Read(text).AsksAboutAssistant);

    [Fact]
    public void A_question_to_the_assistant_is_small_talk_not_a_question_for_the_faq()
    {
        var understander = new Understander(null, _ => false);
        var u = understander.Understand("can i ask your name?", new UnderstandingContext(TestVocabularies.Wednesday, Spa));
        Assert.Equal(Intent.Smalltalk, u.Intent);
        Assert.True(u.Cues.AsksAboutAssistant);
    }

    [Fact]
    public void A_question_about_another_business_the_spa_cannot_answer_is_out_of_scope()
    {
        var understander = new Understander(null, _ => false) { AboutElsewhere = text => text.Contains("taxes", StringComparison.Ordinal) };
        var u = understander.Understand("how much do i pay in taxes every year", new UnderstandingContext(TestVocabularies.Wednesday, Spa));
        Assert.Equal(Intent.OutOfScope, u.Intent);
    }

    [Fact]
    public void A_question_about_another_place_the_spa_answers_is_still_the_faq()
    {
        var understander = new Understander(null, _ => true) { AboutElsewhere = text => text.Contains("hotel", StringComparison.Ordinal) };
        var u = understander.Understand("is there parking near the hotel?", new UnderstandingContext(TestVocabularies.Wednesday, Spa));
        Assert.Equal(Intent.Faq, u.Intent);
    }
}
