using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// Perf round 36: the Spanish blocks' typo fixer (<see cref="EscalationRules.AsLanguageBlocksRead"/>) looks a message's words
/// up by their letters in place, and tells a word that starts with one of the rules' stems by looking up its starts of the
/// stems' lengths, where it compared every word with every stem (the word's text made again for each). What it reads is the
/// same: these hold the stems' and the words' rules at the edges the new lookup has (a stem's exact length, a word shorter
/// than every stem, capitals), and <see cref="SpanishRulesTests"/> the typos themselves.
/// </summary>
public sealed class RoundThirtySixTypoFixerTests
{
    private static readonly EscalationRules Rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));

    [Theory]
    [InlineData("tengo la cara hinchadisima")] // "hinch…" (\bhinch\w*): a stem with more after it
    [InlineData("me estoy asfixiando")] // "asfixi…" (asfixi\w*)
    [InlineData("me siento asfixi")] // the stem itself, nothing after it
    [InlineData("quiero hablar con una persona")] // whole words of the rules
    [InlineData("no puedo respirar")]
    public void A_word_of_the_rules_or_one_starting_with_their_stem_is_read_as_written(string text) =>
        Assert.Same(text, Rules.AsLanguageBlocksRead(text));

    [Theory]
    [InlineData("se me sierra la garganta", "cierra")]
    [InlineData("estoy embarasada", "embarazada")]
    [InlineData("no puedo resprar", "respirar")]
    public void A_misspelt_word_is_read_as_the_rules_word(string text, string word) =>
        Assert.Contains(word, Rules.AsLanguageBlocksRead(text).Split(' '));

    [Theory]
    [InlineData("ok")] // no word of five letters
    [InlineData("")]
    [InlineData("SE ME SIERRA LA GARGANTA")] // the fixer reads lower-case letters only; the screens fold the text first
    [InlineData("ok 👍 gracias")]
    public void A_text_without_a_word_to_fix_comes_back_as_it_is(string text) =>
        Assert.Same(text, Rules.AsLanguageBlocksRead(text));

    [Fact]
    public void Every_line_people_wrote_reads_the_same_twice_and_keeps_its_length_outside_the_fixed_words()
    {
        // The fixer replaces lower-case words of five letters or more, nothing else: every other character is where it was.
        var lines = Understanding.RoundTwentyEightDerivedPrefilterTests.PeoplesLines();
        var changed = 0;
        foreach (var line in lines)
        {
            var read = Rules.AsLanguageBlocksRead(line);
            Assert.Equal(read, Rules.AsLanguageBlocksRead(line));
            if (!ReferenceEquals(read, line))
            {
                changed++;
                Assert.NotEqual(line, read);
                Assert.Equal(Others(line), Others(read));
            }
        }
        Assert.True(changed > 0, "no line was corrected");
    }

    private static string Others(string text) => new([.. text.Where(c => c is not (>= 'a' and <= 'z'))]);
}
