using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Understanding;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 11 (tests/scenarios/people-round11.yaml): never mind with nothing under way, a name that reads as
/// Spanish words, words a call's transcript splits or swaps. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundElevenTests
{
    [Theory]
    [InlineData("nvm")]
    [InlineData("oh never mind im good")]
    [InlineData("ah forget it")]
    public void Never_mind_with_nothing_under_way_drops_nothing(string text)
    {
        var (reading, rule) = Step(new DialogueState { JustDone = true }, text);

        Assert.Equal(Intent.Nevermind, reading.U.Intent);
        Assert.Equal("r11-never-mind-nothing-under-way", rule.Id);
        Assert.Equal(PolicyAction.NothingToDrop, rule.Then);
    }

    [Theory]
    [InlineData("nvm")]
    [InlineData("never mind")]
    public void Never_mind_at_an_offer_drops_the_booking(string text)
    {
        var (_, rule) = Step(Offering(), text);

        Assert.Equal(PolicyAction.NeverMind, rule.Then);
    }

    [Theory]
    [InlineData("Gwen Lo")]
    [InlineData("Al Grant 4155550417")]
    [InlineData("Ana De La Cruz")]
    public void A_name_whose_short_words_are_spanish_says_no_language(string text) => Assert.Null(LanguageDetector.Identify(text));

    [Theory]
    [InlineData("Buenos Dias", "es")]
    [InlineData("hola, soy Gwen Lo", "es")]
    public void Capitalised_words_that_are_not_a_name_still_tell_the_language(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Identify(text));

    [Theory]
    [InlineData("can i get a hydro facial to morrow at two", "can i get a hydro facial tomorrow at two")]
    [InlineData("deep tissue on wednesday at for thirty", "deep tissue on wednesday at four thirty")]
    [InlineData("tomorrow at for", "tomorrow at four")]
    [InlineData("friday around to pm please", "friday around two pm please")]
    [InlineData("i want to go to work at for sure", "i want to go to work at for sure")]
    [InlineData("book me in for a facial", "book me in for a facial")]
    public void Sound_alikes_of_a_call_transcript_are_read_as_meant(string text, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(text));

    [Fact]
    public void Four_thirty_misheard_as_for_thirty_is_half_past_four_in_the_afternoon()
    {
        var u = Engine.Understand("yeah i'd like a deep tissue on wednesday at for thirty", History(new DialogueState()));

        Assert.Equal(new TimeOnly(16, 30), u.Time?.Exact);
    }
}
