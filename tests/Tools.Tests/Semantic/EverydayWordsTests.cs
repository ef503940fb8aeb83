using FrontDesk.TestSupport;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Tests.Semantic;

/// <summary>Everyday words read as the spa's own (the built-in table), and what they do to matching by meaning with the real model.</summary>
public class EverydayWordsTests
{
    private static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    private static readonly SpaProfile Harbor = SpaProfileLoader.Load(TestFiles.HarborProfile);

    [Theory]
    [InlineData("where do i leave my car", "parking")]
    [InlineData("ok if my toddler tags along", "children")]
    [InlineData("can I just swing by", "walk-ins")]
    [InlineData("something for the crows feet around my eyes", "expression")]
    [InlineData("something for the Crow’s Feet", "expression")]
    [InlineData("my toes need help", "pedicure")]
    [InlineData("can i wash all the oil off after", "shower")]
    public void SpaWordsIn_reads_everyday_phrases_as_the_spas_words(string text, string expected)
    {
        Assert.Contains(expected, EverydayWords.SpaWordsIn(text));
    }

    [Theory]
    [InlineData("book a swedish massage tuesday at 3")]
    [InlineData("what are your hours on sunday")]
    [InlineData("my name is Tessa")]
    public void SpaWordsIn_is_empty_for_messages_in_the_spas_own_words(string text)
    {
        Assert.Empty(EverydayWords.SpaWordsIn(text));
        Assert.Equal(text, EverydayWords.WithSpaWords(text));
    }

    [Fact]
    public void Longest_phrase_wins_and_each_word_comes_once()
    {
        // "lines between my brows" and "wrinkles" both mean the same spa words: said once.
        var words = EverydayWords.SpaWordsIn("wrinkles and lines between my brows");
        Assert.Equal(words.Distinct().Count(), words.Count);
        Assert.Equal("can i just drop by (walk-ins without an appointment)", EverydayWords.WithSpaWords("can i just drop by"));
        Assert.True(EverydayWords.PhraseCount > 50);
    }

    [Theory]
    [InlineData("is it cool if i bring my baby along", "children")]
    [InlineData("what happens if I have to bail on an appointment last minute?", "cancellation policy")]
    [InlineData("is there somewhere I can rinse off after my massage", "showers")]
    public void The_FAQ_by_meaning_answers_everyday_wordings_on_the_demo_profile(string question, string topic)
    {
        var faq = new SemanticFaq(Demo, SentenceEmbedder.Shared);
        var found = faq.Search(question, 6);
        Assert.Contains(topic, found[0].Entry.Question, StringComparison.Ordinal);
        Assert.True(faq.AnswersQuestion(question), $"{question}: {found[0].Similarity}");
    }

    [Fact]
    public void The_second_business_walk_ins_and_toes_by_meaning()
    {
        var faq = new SemanticFaq(Harbor, SentenceEmbedder.Shared);
        Assert.Equal("Do you take walk-ins?", faq.Search("can i just drop by sometime", 1)[0].Entry.Question);
        var services = new SemanticServices(Harbor, SentenceEmbedder.Shared);
        var toes = services.Search("i need my toes done before my trip");
        Assert.Equal("classic-pedicure", toes[0].ServiceId);
        Assert.True(toes[0].Similarity >= 0.5f, $"toes {toes[0].Similarity}");
    }

    [Fact]
    public void Wrinkle_words_put_the_expression_line_treatment_first_and_clearly_ahead()
    {
        var services = new SemanticServices(Demo, SentenceEmbedder.Shared);
        var found = services.Search("something for the crows feet around my eyes please");
        Assert.Equal("botox", found[0].ServiceId);
        Assert.True(found[0].Similarity - found[1].Similarity >= 0.08f, $"{found[0].Similarity} vs {found[1].ServiceId} {found[1].Similarity}");
    }
}
