using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round twenty-seven: the date parser runs each of its expressions only on a message that holds one of the words the
/// expression cannot match without (derived from the expression itself, <see cref="FrontDesk.Agent.Screening.RequiredWords"/>).
/// These wordings, as people write them, are read as before: each expression's own (with typos, in a second line, in capitals,
/// after other facts), the same in Spanish, and the ones none of them may take.
/// </summary>
public sealed class RoundTwentySevenDateTests
{
    private static readonly DateOnly Wednesday = TestVocabularies.Wednesday; // 2026-11-25

    private static DateRange Day(string iso) => DateRange.Day(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    private static DateRange Range(string from, string to) => new(
        DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    // the calendar's own forms: ISO, slashes, a month and a day either way round, "the 14th"
    [InlineData("can i get a facial on 2026-12-05 pls", "2026-12-05")]
    [InlineData("sorry i meant 12/5 not 12/4", "2026-12-05")]
    [InlineData("Massage for 2 on 12/05/26?", "2026-12-05")]
    [InlineData("do u have anything DEC 5TH", "2026-12-05")]
    [InlineData("hi!\nmy sister and i want facials on december 5", "2026-12-05")]
    [InlineData("Jan. the 3rd, around 2", "2027-01-03")]
    [InlineData("the 5th of december works", "2026-12-05")]
    [InlineData("5 dec", "2026-12-05")]
    [InlineData("twenty-first of january maybe", "2027-01-21")]
    [InlineData("can i come the 14th? my name is ana", "2026-12-14")]
    [InlineData("ok the 2nd of next month then", "2026-12-02")]
    [InlineData("the fourteenth", "2026-12-14")]
    [InlineData("anything on the 30th", "2026-11-30")]
    // holidays, days said relative to today, "in two weeks", weekdays, "a week from friday"
    [InlineData("r u open christmas eve", "2026-12-24")]
    [InlineData("Thanksgiving day??", "2026-11-26")]
    [InlineData("TOMORROW afternoon if u can", "2026-11-26")]
    [InlineData("tmrw at 3 pls, deep tissue", "2026-11-26")]
    [InlineData("2moro morning", "2026-11-26")]
    [InlineData("the day after tommorow", "2026-11-27")]
    [InlineData("tomorrows fine", "2026-11-26")]
    [InlineData("tonite?", "2026-11-25")]
    [InlineData("anything later today", "2026-11-25")]
    [InlineData("is anyone available now", "2026-11-25")]
    [InlineData("this evening works", "2026-11-25")]
    [InlineData("in two weeks", "2026-12-09")]
    [InlineData("in 10 days please", "2026-12-05")]
    [InlineData("in a month", "2026-12-25")]
    [InlineData("fri works", "2026-11-27")]
    [InlineData("SATURDAY", "2026-11-28")]
    [InlineData("how about thurs", "2026-11-26")]
    [InlineData("next tues?", "2026-12-01")]
    [InlineData("this coming monday", "2026-11-30")]
    [InlineData("friday of next week", "2026-12-04")]
    [InlineData("a week from friday", "2026-12-04")]
    [InlineData("a week from tomorrow", "2026-12-03")]
    [InlineData("a week today", "2026-12-02")]
    public void Each_expressions_own_wordings_still_read_as_that_day(string text, string expected)
    {
        Assert.Equal(Day(expected), DateExpressionParser.Parse(text, Wednesday)?.Range);
    }

    [Theory]
    [InlineData("in a few days", "2026-11-27", "2026-11-29")]
    [InlineData("this weekend maybe", "2026-11-28", "2026-11-29")]
    [InlineData("the following weekend", "2026-12-05", "2026-12-06")]
    [InlineData("rest of this week", "2026-11-26", "2026-11-29")]
    [InlineData("end of the week", "2026-11-27", "2026-11-29")]
    [InlineData("the week after next", "2026-12-07", "2026-12-13")]
    [InlineData("sometime next week but not monday", "2026-12-01", "2026-12-06")]
    [InlineData("this month", "2026-11-25", "2026-11-30")]
    public void Each_expressions_own_ranges_still_read_as_those_days(string text, string from, string to)
    {
        Assert.Equal(Range(from, to), DateExpressionParser.Parse(text, Wednesday)?.Range);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("ok sounds good")]
    [InlineData("my number is 415 555 0134")]
    [InlineData("for 2 people")]
    [InlineData("at 3:30")]
    [InlineData("I sat in the sun too long")]
    [InlineData("2 may work")]
    [InlineData("is it my first time? yes")]
    [InlineData("the second option")]
    [InlineData("a 90 min massage")]
    [InlineData("1/2 hour")]
    [InlineData("thats all for today thx")]
    [InlineData("Maria Sanchez")]
    [InlineData("I marched in, they were nice")]
    public void Wordings_that_are_no_day_still_read_as_none(string text)
    {
        Assert.Null(DateExpressionParser.Parse(text, Wednesday));
    }

    [Theory]
    [InlineData("mañana en la tarde", "2026-11-26")]
    [InlineData("pasado mañana", "2026-11-27")]
    [InlineData("el viernes porfa", "2026-11-27")]
    [InlineData("el 5 de diciembre", "2026-12-05")]
    [InlineData("hoy?", "2026-11-25")]
    [InlineData("el proximo martes", "2026-12-01")]
    public void Spanish_days_read_as_before(string text, string expected)
    {
        Assert.Equal(Day(expected), DemoUnderstanding.Read(text, "es").Date?.Range);
    }

    [Theory]
    [InlineData("este fin de semana", "2026-11-28", "2026-11-29")]
    [InlineData("la semana que viene", "2026-11-30", "2026-12-06")]
    public void Spanish_ranges_read_as_before(string text, string from, string to)
    {
        Assert.Equal(Range(from, to), DemoUnderstanding.Read(text, "es").Date?.Range);
    }

    [Theory]
    [InlineData("quiero un masaje")]
    [InlineData("gracias!!")]
    [InlineData("somos 2")]
    public void Spanish_without_a_day_reads_none(string text)
    {
        Assert.Null(DemoUnderstanding.Read(text, "es").Date);
    }

    [Fact]
    public void Every_expression_has_words_it_needs()
    {
        // Derived from each expression's own text: a month for "dec 5th" and "5 dec", a weekday's name or its short form,
        // "week" for "a week from friday", "day"/"week"/"month" for "in two weeks", and so on. ISO and slash dates need digits
        // only, named since round twenty-eight (RoundTwentyEightDerivedPrefilterTests).
        Assert.DoesNotContain(DateExpressionParser.Expressions.All, e => e.Needed is null);
        Assert.Contains("dec", DateExpressionParser.Expressions.MonthDay.Needed!.Words);
        Assert.Contains("thu", DateExpressionParser.Expressions.Weekday.Needed!.Words);
        Assert.Contains("2mrw", DateExpressionParser.Expressions.RelativeDay.Needed!.Words);
    }

    [Fact]
    public void Every_message_of_the_scenarios_and_the_training_set_reads_the_same_with_every_expression_run()
    {
        // Each line people wrote in the scenario suite (every quoted string of tests/scenarios), each training utterance, and
        // the wordings above, read on four days of the week, in upper case as well: the prefilter changes no answer.
        var root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "tests", "scenarios")))
        {
            root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("tests/scenarios");
        }
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "scenarios"), "*.yaml"))
        {
            lines.AddRange(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => m.Groups[1].Value));
        }
        lines.AddRange(File.ReadLines(Path.Combine(root, "src", "Agent", "Understanding", "intents.train.txt"))
            .Where(l => !l.StartsWith('#') && l.Contains('\t')).Select(l => l[(l.IndexOf('\t') + 1)..]));
        Assert.True(lines.Count > 5000, $"{lines.Count} lines");
        var days = new[] { Wednesday, Wednesday.AddDays(3), Wednesday.AddDays(4), new DateOnly(2026, 12, 31) };
        var differ = new List<string>();
        foreach (var line in lines.Concat(lines.Select(l => l.ToUpperInvariant())))
        {
            foreach (var day in days)
            {
                var filtered = DateExpressionParser.Parse(line, day);
                var every = DateExpressionParser.Parse(line, day, null, everyExpression: true);
                if (filtered?.Range != every?.Range || filtered?.Span != every?.Span)
                {
                    differ.Add($"{line} ({day}): {filtered?.Range} vs {every?.Range}");
                }
            }
        }
        Assert.Empty(differ);
    }
}
