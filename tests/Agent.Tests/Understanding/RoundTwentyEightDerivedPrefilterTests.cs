using System.Text.RegularExpressions;
using FrontDesk.Agent.Languages;
using FrontDesk.Agent.Screening;
using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round twenty-eight: the prefilters derived from the expressions themselves (<see cref="RequiredWords"/>) — a digit
/// for the date parser's digit forms, the words of a task elsewhere, a language's name — and, over every line people wrote
/// in the scenario suite and the intent training set, that skipping an expression on a text without them never skips a
/// match (the date parser's own comparison, every expression run against the prefiltered ones, is
/// <see cref="RoundTwentySevenDateTests"/>').
/// </summary>
public sealed class RoundTwentyEightDerivedPrefilterTests
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [Theory]
    [InlineData(@"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-])", "0,1,2,3,4,5,6,7,8,9")]
    [InlineData(@"\d+(?:st|nd|rd|th)", "0,1,2,3,4,5,6,7,8,9")] // a digit weighs as three letters: rarer than "th"
    [InlineData(@"\d+\s*mins?", "min")] // and as common as "min"; the fewer words win
    [InlineData(@"\bthe\s+\d{1,2}(?:st|nd|rd|th)|(?<!\w)\d{1,2}(?:st|nd|rd|th)", "0,1,2,3,4,5,6,7,8,9,the")]
    [InlineData(@"\d*\s*weeks?", "week")] // a digit that may be absent is not needed
    [InlineData(@"\d+\s+minutes", "minutes")] // a longer word is rarer than a digit
    public void With_digits_a_digit_every_reading_needs_is_a_requirement(string pattern, string words)
    {
        var needed = RequiredWords.Of(pattern, Options, digits: true);
        Assert.NotNull(needed);
        Assert.Equal(words.Split(',').Order(StringComparer.Ordinal), needed.Words.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"\d{3}-\d{4}")]
    [InlineData(@"(?:\bgasping\b)|(?:\s+\d+)")]
    [InlineData(@"[\d]+")] // a class is not read
    public void Without_digits_the_screens_words_are_as_before(string pattern)
    {
        Assert.Null(RequiredWords.Of(pattern, Options));
        Assert.Null(RequiredWords.Of(pattern, Options, digits: false));
    }

    [Fact]
    public void A_text_without_a_digit_skips_an_expression_that_needs_one()
    {
        var needed = RequiredWords.Of(@"(\d{1,2})/(\d{1,2})", Options, digits: true)!;
        Assert.False(needed.MayMatch("half an hour please"));
        Assert.True(needed.MayMatch("12/14?"));
        Assert.True(needed.MayMatch("el dia \u0661\u0662")); // outside ASCII: always run (Arabic-Indic digits are \d)
    }

    [Fact]
    public void Every_date_expression_has_words_it_needs_and_the_digit_forms_need_a_digit()
    {
        Assert.DoesNotContain(DateExpressionParser.Expressions.All, e => e.Needed is null);
        string[] digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        Assert.Equal(digits, DateExpressionParser.Expressions.IsoDate.Needed!.Words.Order(StringComparer.Ordinal));
        Assert.Equal(digits, DateExpressionParser.Expressions.SlashDate.Needed!.Words.Order(StringComparer.Ordinal));
        // "the 14th" (or "the fourteenth") needs "the"; "14th" alone a digit.
        Assert.Equal([.. digits, "the"], DateExpressionParser.Expressions.TheOrdinal.Needed!.Words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_task_elsewhere_and_a_language_asked_for_have_words_they_need()
    {
        Assert.NotNull(Understander.TaskElsewhereNeeds);
        Assert.Contains("uber", Understander.TaskElsewhereNeeds.Words);
        Assert.NotNull(LanguageRequest.AskedNeeds);
        Assert.Contains("spanish", LanguageRequest.AskedNeeds.Words);
    }

    [Fact]
    public void No_line_people_wrote_is_skipped_by_a_prefilter_where_its_expression_matches()
    {
        var lines = PeoplesLines();
        var checks = new (string Name, RequiredWords Needed, Regex Expression, Func<string, string> Text)[]
        {
            ("TaskElsewhere", Understander.TaskElsewhereNeeds!, Understander.TaskElsewhereExpression, l => l.ToLowerInvariant()),
            ("Asked", LanguageRequest.AskedNeeds!, LanguageRequest.AskedExpression, l => l),
        };
        var wrong = new List<string>();
        var skipped = 0;
        var matched = 0;
        foreach (var (name, needed, expression, text) in checks)
        {
            foreach (var line in lines)
            {
                var t = text(line);
                var matches = expression.IsMatch(t);
                matched += matches ? 1 : 0;
                if (!needed.MayMatch(t))
                {
                    skipped++;
                    if (matches)
                    {
                        wrong.Add($"{name}: '{line}'");
                    }
                }
            }
        }
        Assert.Empty(wrong);
        // The corpus does hold matches of each, and most lines are skipped (else the prefilter saves nothing).
        Assert.True(matched > 20, $"{matched} matches");
        Assert.True(skipped > lines.Count * checks.Length / 2, $"{skipped} of {lines.Count * checks.Length} skipped");
    }

    // Every quoted line of the scenario suite and every utterance of the intent training set, as written and in capitals.
    internal static List<string> PeoplesLines()
    {
        var root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "tests", "scenarios")))
        {
            root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("tests/scenarios");
        }
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "scenarios"), "*.yaml"))
        {
            lines.AddRange(Regex.Matches(File.ReadAllText(file), "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => m.Groups[1].Value));
        }
        lines.AddRange(File.ReadLines(Path.Combine(root, "src", "Agent", "Understanding", "intents.train.txt"))
            .Where(l => !l.StartsWith('#') && l.Contains('\t')).Select(l => l[(l.IndexOf('\t') + 1)..]));
        Assert.True(lines.Count > 5000, $"{lines.Count} lines");
        return [.. lines, .. lines.Select(l => l.ToUpperInvariant())];
    }
}
