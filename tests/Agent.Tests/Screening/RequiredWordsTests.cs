using System.Text.RegularExpressions;
using FrontDesk.Agent.Screening;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Tests.Screening;

/// <summary>
/// The screens' prefilter (RequiredWords): what a pattern cannot match without, and that skipping an expression on a text
/// with none of those words never changes an answer of the shipped rules or a profile's names.
/// </summary>
public sealed class RequiredWordsTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [Theory]
    [InlineData(@"\bshort(?:ness)?\s+of\s+breath\b", "breath")]
    [InlineData(@"\b(?:cant|cannot|can\s+not)\s+(?:\w+\s+)?breath(?:e|ing)?\b", "breath")]
    [InlineData(@"\b(?:throat|tongue|airway)\b.{0,30}\b(?:clos\w*|swell\w*|swollen)", "airway,throat,tongue")]
    [InlineData(@"(?:\bgasping(?!\w))|(?:\bchoking(?!\w))", "choking,gasping")]
    [InlineData(@"\banaphyla\w*(?!\w)", "anaphyla")]
    [InlineData(@"\bheart\s+attack\w*(?!\w)", "attack")]
    [InlineData(@"colou?r", "colo")]
    [InlineData(@"ab+c", "ab")]
    [InlineData(@"\b(?<t>hydrafacial|deep[^a-z0-9]+tissue)(?:e?s)?\b", "hydrafacial,tissue")]
    [InlineData(@"\bpin\s+(?:number|code)\b", "code,number")]
    [InlineData(@"x{2}yz", "yz")]
    [InlineData(@"(?:foo)?bar?", "ba")]
    [InlineData(@"[a-z]+ing\b", "ing")]
    [InlineData(@"\p{Lu}\x41bcd", "bcd")]
    public void A_pattern_needs_the_words_its_syntax_makes_certain(string pattern, string words)
    {
        var needed = RequiredWords.Of(pattern, Options);
        Assert.NotNull(needed);
        Assert.Equal(words.Split(',').Order(StringComparer.Ordinal), needed.Words.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"(?:\bgasping\b)|(?:\s+\d+)")] // a branch with no word
    [InlineData(@"\d{3}-\d{4}")]
    [InlineData(@"(?:|never)")] // an empty branch
    [InlineData(@"(?x) heart  attack # a comment")] // spaces and '#' mean something else
    [InlineData(@"(?(a)b|c)")] // a conditional
    [InlineData(@"(?:foo)?(?=bar)")] // optional, or only looked at
    public void A_pattern_whose_words_cannot_be_pinned_down_has_no_prefilter(string pattern) =>
        Assert.Null(RequiredWords.Of(pattern, Options));

    [Fact]
    public void A_text_outside_ascii_always_runs_the_expression()
    {
        var needed = RequiredWords.Of(@"\bbreath", Options)!;
        Assert.False(needed.MayMatch("i am fine thanks"));
        Assert.True(needed.MayMatch("I can't BREATHE"));
        // The expression's own case rules decide for a text with anything outside ASCII (the Kelvin sign is a 'k').
        Assert.True(needed.MayMatch("i am fine thanks \u212A"));
    }

    public static TheoryData<string> Profiles => new() { "demo", "harbor" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Skipping_an_expression_on_a_text_without_its_words_never_changes_an_answer_of_the_shipped_rules(string profile)
    {
        var rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
        var screen = new SafetyScreen(SpaProfileLoader.Load(profile == "demo" ? TestFiles.DemoProfile : TestFiles.HarborProfile), rules);
        var patterns = screen.Patterns.ToList();
        var texts = Corpus(patterns);
        var skipped = 0;
        var prefiltered = 0;
        foreach (var pattern in patterns)
        {
            var needed = RulePatterns.NeededBy(pattern);
            prefiltered += needed is null ? 0 : 1;
            // The same expression without the screens' match timeout, so a busy machine cannot make it answer differently.
            var reference = new Regex(pattern.ToString(), pattern.Options & ~RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
            foreach (var text in texts.Where(t => needed?.MayMatch(t) == false))
            {
                Assert.False(reference.IsMatch(text), $"'{text}' matches {pattern}, but the prefilter skips it");
                skipped++;
            }
        }
        // Most expressions have words to look for, and most texts lack them (else the prefilter saves nothing).
        Assert.True(prefiltered * 2 > patterns.Count, $"{prefiltered} of {patterns.Count} expressions have a prefilter");
        Assert.True(skipped * 2 > patterns.Count * texts.Count, $"{skipped} of {patterns.Count * texts.Count} runs skipped");
    }

    // Real messages (the intent examples, the Spanish safety set), each pattern's own words (texts it matches), and those
    // words run together with other messages, each as the screens read them (SafetyScreen.Normalize).
    private static List<string> Corpus(List<Regex> patterns)
    {
        var assembly = typeof(EscalationRules).Assembly;
        var lines = new List<string>();
        foreach (var name in new[] { "FrontDesk.Agent.Understanding.intents.train.txt", "FrontDesk.Agent.Understanding.elsewhere.examples.txt" })
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    lines.Add(line[(line.IndexOf('\t', StringComparison.Ordinal) + 1)..]);
                }
            }
        }
        lines.AddRange(SpanishSafetySetTests.Set.Select(s => s.Text));
        var own = patterns.SelectMany(p => p.ToString().Split('|'))
            .Select(p => string.Join(' ', Regex.Matches(p, "[a-z]+", RegexOptions.IgnoreCase).Select(m => m.Value).Where(w => w.Length > 1 || w is "a" or "i")))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        lines.AddRange(own);
        lines.AddRange(own.Select((t, i) => $"{lines[i % 500]}. {t}, ok?"));
        lines.AddRange(["I can't breathe!!", "my throat is closing up after the filler", "is it safe to get botox while pregnant", "you charged me twice",
            "can I talk to a real person", "are you a bot?", "book it anyway", "how much is a hydrafacial", "tengo una alergia y se me cierra la garganta",
            "caf\u00e9 with a \u212Aelvin sign"]);
        return [.. lines.Select(SafetyScreen.Normalize).Distinct(StringComparer.Ordinal)];
    }
}
