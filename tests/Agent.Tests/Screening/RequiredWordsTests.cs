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

    // Issue 16, eighteenth round: a large rule group is matched one pattern at a time, each with its own prefilter
    // (RulePatterns.PartsOf); the answer must be the whole group's on every text.
    [Theory]
    [MemberData(nameof(Profiles))]
    public void Matching_a_large_group_part_by_part_gives_the_answers_of_the_whole_group(string profile)
    {
        var rules = EscalationRules.Load(Path.Combine(TestFiles.Prompts, "escalation.yaml"));
        var screen = new SafetyScreen(SpaProfileLoader.Load(profile == "demo" ? TestFiles.DemoProfile : TestFiles.HarborProfile), rules);
        var patterns = screen.Patterns.ToList();
        var texts = Corpus(patterns);
        var split = patterns.Where(p => RulePatterns.PartsOf(p) is not null).ToList();
        Assert.Contains(rules.ReplyScreen.MedicalAdvice, split);
        Assert.Contains(rules.Elsewhere, split);
        Assert.True(split.Count >= 10, $"{split.Count} groups split");
        var matched = 0;
        foreach (var pattern in split)
        {
            Assert.True(RulePatterns.PartsOf(pattern)!.Count >= 2);
            var reference = new Regex(pattern.ToString(), pattern.Options & ~RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
            foreach (var text in texts)
            {
                var expected = reference.IsMatch(text);
                Assert.True(expected == RulePatterns.IsMatch(pattern, text), $"'{text}': {expected} for the whole group {pattern.ToString()[..80]}…");
                matched += expected ? 1 : 0;
            }
        }
        // The corpus holds each pattern's own words, so the groups do match some of it.
        Assert.True(matched > split.Count, $"{matched} matches");
    }

    [Theory]
    [InlineData(@"(?:(\w)\1)")] // a back-reference: its group's number would change apart
    [InlineData(@"(?:ab)(?:cd)")] // a part that is not one whole group
    [InlineData(@"(?:ab)?")] // a part that is optional as a whole
    [InlineData(@"[|(]ab")] // not a group at all: its '|' and '(' are in a class
    public void A_group_that_is_not_a_list_of_whole_patterns_is_matched_whole(string odd)
    {
        var parts = Enumerable.Range(0, 60).Select(i => $"(?:\\bword{i}\\s+after{i}\\b)").ToList();
        var pattern = RulePatterns.Get(string.Join('|', parts.Append(odd)), Options);
        Assert.True(pattern.ToString().Length >= RulePatterns.SplitFrom);
        Assert.Null(RulePatterns.PartsOf(pattern));
        Assert.True(RulePatterns.IsMatch(pattern, "the word7 after7 it"));
    }

    [Fact]
    public void A_bar_or_a_parenthesis_escaped_or_in_a_class_does_not_cut_a_pattern()
    {
        var parts = Enumerable.Range(0, 60).Select(i => $"(?:\\bword{i}\\s+after{i}\\b)").Append(@"(?:a[|)\]]b\|c\(d)").ToList();
        var pattern = RulePatterns.Get(string.Join('|', parts), Options);
        var split = RulePatterns.PartsOf(pattern);
        Assert.NotNull(split);
        Assert.Equal(parts, split.Select(p => p.Part.ToString()));
        Assert.True(RulePatterns.IsMatch(pattern, "x a)b|c(d y"));
        Assert.True(RulePatterns.IsMatch(pattern, "so word59 after59"));
        Assert.False(RulePatterns.IsMatch(pattern, "word59 word58 after59"));
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

    // A starved machine must not turn a safety rule into no match: a pattern that runs out of its wall-clock limit is
    // matched again with a patient one (RulePatterns.Matches). Here the first limit is one tick, so the first try always
    // runs out, as an ordinary pattern did at load average 30 on two cores.
    [Fact]
    public void A_match_that_runs_out_of_time_is_tried_again_not_read_as_none()
    {
        var hurried = new Regex(@"\b(?:swollen|swelling)\b", Options, TimeSpan.FromTicks(1));
        var padded = new string(' ', 200_000) + "after the filler my lip is really swollen";
        Assert.Throws<RegexMatchTimeoutException>(() => hurried.IsMatch(padded));
        Assert.True(RulePatterns.IsMatch(hurried, padded));
        Assert.False(RulePatterns.IsMatch(hurried, new string(' ', 200_000) + "the swell at ocean beach was huge, so swole"));
    }
}
