using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Agent.Screening;

namespace FrontDesk.Agent.Understanding;

/// <summary>A run of whole local days, both ends included; a single day has <c>Start == End</c>.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day (inclusive).</param>
public readonly record struct DateRange(DateOnly Start, DateOnly End)
{
    /// <summary>True when the range is one day.</summary>
    public bool IsSingleDay => Start == End;

    /// <summary>A one-day range.</summary>
    public static DateRange Day(DateOnly day) => new(day, day);

    /// <summary>True when <paramref name="day"/> is inside the range.</summary>
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>A date expression found in text.</summary>
/// <param name="Range">The day or days meant.</param>
/// <param name="Span">Where the expression is in the text.</param>
/// <param name="ClosedDays">Closure days of the business inside the range (the range is not shifted around them).</param>
public sealed record DateMatch(DateRange Range, TextSpan Span, IReadOnlyList<DateOnly> ClosedDays)
{
    /// <summary>True when every day of the range is a closure day.</summary>
    public bool IsClosed => ClosedDays.Count > Range.End.DayNumber - Range.Start.DayNumber;
}

/// <summary>
/// Reads the date part of what a caller says, relative to the spa's local <c>today</c>.
/// <para>Rules (weeks start on Monday):</para>
/// <list type="bullet">
/// <item>"Friday", "on Friday": the next Friday strictly after today (said on a Friday, it means next week's).</item>
/// <item>"today", "tonight", and "now" asked as an opening ("is anyone free right now", "anything open now"): today.</item>
/// <item>"this Friday", "this coming Friday": the Friday of the current week if not past, else the coming one; today counts.</item>
/// <item>"next Friday": the first Friday after today that falls in next calendar week or later
/// (said on Sunday 22 Nov it is Fri 27 Nov; said on Wednesday 25 Nov it is Fri 4 Dec).
/// "Friday next week" and "next week on Friday" mean the same.</item>
/// <item>"this weekend": Saturday–Sunday of the current week, from today; "next weekend": the weekend of next week.</item>
/// <item>"this week": today–Sunday; "next week": Monday–Sunday of next week; "later this week": tomorrow–Sunday,
/// or next week when said on a Sunday.</item>
/// <item>"the 14th", "March 3", "3 March", "3/14" (US month/day): the next such day on or after today, unless a year is given;
/// "the 2nd of next month" is that day of next month; "sunday this week" is this week's Sunday.</item>
/// <item>"in 3 days", "in two weeks", "in a month": that single day; "in a few days": days 2–4 from today.</item>
/// <item>US holidays: their next date on or after today.</item>
/// </list>
/// When several expressions appear, an explicit calendar date wins over a holiday, a holiday over a day
/// name or relative day, and those over a whole week or weekend; among equals the first one said wins.
/// Times ("3pm", "3:30"), phone numbers and counts ("for 2") are never read as dates.
/// </summary>
public static partial class DateExpressionParser
{
    private const string Ord = "(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
    private const string Month = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private const string NotAChoice = @"(?!\s+(?:one|ones|option|choice|slot|time|appointment|available|opening|person|of\s+(?:them|those|these)|thing|place|visit|session|therapist|provider|stylist|doctor|dentist|result|name|address))";
    private const string NotATime = @"(?!\s*(?::\d|\d|am\b|pm\b|a\.m|p\.m|o'?clock|hours?\b|hrs?\b|min))";

    /// <summary>Finds the first date expression in <paramref name="text"/>; null when there is none.</summary>
    /// <param name="text">What the caller said.</param>
    /// <param name="today">The spa's local date now.</param>
    /// <param name="closures">Whole days the business is closed; reported, not skipped.</param>
    public static DateMatch? Parse(string text, DateOnly today, IReadOnlyList<DateOnly>? closures = null) =>
        Parse(text, today, closures, everyExpression: false);

    /// <summary>
    /// <see cref="Parse(string, DateOnly, IReadOnlyList{DateOnly}?)"/>; with <paramref name="everyExpression"/> every
    /// expression runs, even on a text without any of the words it needs (for the tests that hold the two answers equal).
    /// </summary>
    internal static DateMatch? Parse(string text, DateOnly today, IReadOnlyList<DateOnly>? closures, bool everyExpression)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        var lower = TextNormalizer.LowerSameLength(text);
        Candidate? best = null;

        foreach (Match m in Expressions.IsoDate.In(lower, everyExpression))
        {
            if (TryDate(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]), out var d))
            {
                Offer(ref best, new Candidate(0, m.Index, m.Length, DateRange.Day(d)));
            }
        }

        foreach (Match m in Expressions.SlashDate.In(lower, everyExpression))
        {
            var month = Int(m.Groups[1]);
            var day = Int(m.Groups[2]);
            DateOnly? d = m.Groups[3].Success ? Explicit(Year(m.Groups[3].Value), month, day) : NextOccurrence(today, month, day);
            if (d is { } date)
            {
                Offer(ref best, new Candidate(0, m.Index, m.Length, DateRange.Day(date)));
            }
        }

        foreach (Match m in Expressions.MonthDay.In(lower, everyExpression))
        {
            OfferMonthDay(ref best, m, today);
        }

        foreach (Match m in Expressions.DayMonth.In(lower, everyExpression))
        {
            // "2 may ..." is more often a count and a verb than a date; require "the" or a suffix for May.
            if (m.Groups["m"].Value == "may" && !m.Value.StartsWith("the", StringComparison.Ordinal)
                && m.Groups["d"].Value.All(char.IsDigit))
            {
                continue;
            }

            OfferMonthDay(ref best, m, today);
        }

        foreach (Match m in Expressions.TheOrdinal.In(lower, everyExpression))
        {
            var day = NumberWords.Parse(m.Groups["d"].Value);
            // "the 2nd of next month" is that day of next month; "the 9th of this month" reads like "the 9th".
            var from = m.Groups["next"].Success ? new DateOnly(today.Year, today.Month, 1).AddMonths(1) : today;
            if (NextDayOfMonth(from, day) is { } d)
            {
                Offer(ref best, new Candidate(0, m.Index, m.Length, DateRange.Day(d)));
            }
        }

        foreach (Match m in Expressions.Holiday.In(lower, everyExpression))
        {
            Offer(ref best, new Candidate(1, m.Index, m.Length, DateRange.Day(NextHoliday(m.Groups["h"].Value, today))));
        }

        foreach (Match m in Expressions.RelativeDay.In(lower, everyExpression))
        {
            var offset = m.Groups["after"].Success ? 2 : m.Groups["tomorrow"].Success ? 1 : 0;
            Offer(ref best, new Candidate(2, m.Index, m.Length, DateRange.Day(today.AddDays(offset))));
        }

        foreach (Match m in Expressions.InPeriod.In(lower, everyExpression))
        {
            if (InPeriodRange(m, today) is { } range)
            {
                Offer(ref best, new Candidate(2, m.Index, m.Length, range));
            }
        }

        DayOfWeek? notWanted = null;
        foreach (Match m in Expressions.Weekday.In(lower, everyExpression))
        {
            if (NotThatDay(lower, m))
            {
                // "next week? not monday tho", "any day but monday": the day ruled out, not the day meant.
                notWanted = WeekdayOf(m.Groups["w"].Value);
                continue;
            }
            if (WeekdayDate(m, today) is { } d)
            {
                Offer(ref best, new Candidate(2, m.Index, m.Length, DateRange.Day(d)));
            }
        }

        foreach (Match m in Expressions.WeekFrom.In(lower, everyExpression))
        {
            // "a week from friday", "a week from tomorrow", "a week today": seven days after the day named.
            var from = m.Groups["w"].Success ? WeekdayDate(m, today) : m.Groups["tomorrow"].Success ? today.AddDays(1) : today;
            if (from is { } f)
            {
                Offer(ref best, new Candidate(1, m.Index, m.Length, DateRange.Day(f.AddDays(7))));
            }
        }

        foreach (Match m in Expressions.WeekOrMonth.In(lower, everyExpression))
        {
            Offer(ref best, new Candidate(3, m.Index, m.Length, WeekRange(m, today)));
        }

        foreach (Match m in Expressions.PartOfMonth.In(lower, everyExpression))
        {
            if (PartOfMonthRange(m, today) is { } part)
            {
                Offer(ref best, new Candidate(0, m.Index, m.Length, part));
            }
        }

        if (best is not { } found)
        {
            return null;
        }
        if (notWanted is { } ruledOut)
        {
            // A range that starts or ends on the day ruled out starts after it or ends before it.
            var (start, end) = (found.Range.Start, found.Range.End);
            while (start < end && start.DayOfWeek == ruledOut)
            {
                start = start.AddDays(1);
            }
            while (end > start && end.DayOfWeek == ruledOut)
            {
                end = end.AddDays(-1);
            }
            found = found with { Range = new DateRange(start, end) };
        }

        var closed = closures is null || closures.Count == 0
            ? (IReadOnlyList<DateOnly>)[]
            : [.. closures.Where(found.Range.Contains).Distinct().Order()];
        return new DateMatch(found.Range, new TextSpan(found.Start, found.Length), closed);
    }

    /// <summary>A weekday said as the one that does not suit: "not monday", "any day but monday", "except friday", "monday doesn't work", "monday is out".</summary>
    private static bool NotThatDay(string lower, Match m) =>
        NegationBefore().IsMatch(lower.AsSpan(Math.Max(0, m.Index - 24), m.Index - Math.Max(0, m.Index - 24)))
        || NegationAfter().IsMatch(lower.AsSpan(m.Index + m.Length, Math.Min(24, lower.Length - m.Index - m.Length)));

    [GeneratedRegex(@"(?:\bnot|\bexcept|\bany\s*(?:day|time|thing)\s+but|\bother\s+than|\bcan'?t\s+do|\bcannot\s+do)\s+(?:on\s+|a\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NegationBefore();

    [GeneratedRegex(@"^\s*(?:doesn'?t\s+work|does\s+not\s+work|won'?t\s+work|is\s+out\b|is\s+no\s+good|i\s+can'?t\b|i\s+cannot\b|no\s+i\s+can\b|no\s+can\s+i\b|no\s+puedo)", RegexOptions.CultureInvariant)]
    private static partial Regex NegationAfter();

    private static void Offer(ref Candidate? best, Candidate c)
    {
        if (best is not { } b
            || c.Tier < b.Tier
            || (c.Tier == b.Tier && (c.Start < b.Start || (c.Start == b.Start && c.Length > b.Length))))
        {
            best = c;
        }
    }

    private static void OfferMonthDay(ref Candidate? best, Match m, DateOnly today)
    {
        var month = MonthNumber(m.Groups["m"].Value);
        var day = NumberWords.Parse(m.Groups["d"].Value);
        DateOnly? d = m.Groups["y"].Success ? Explicit(Year(m.Groups["y"].Value), month, day) : NextOccurrence(today, month, day);
        if (d is { } date)
        {
            Offer(ref best, new Candidate(0, m.Index, m.Length, DateRange.Day(date)));
        }
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Year(string y)
    {
        var n = int.Parse(y, NumberStyles.None, CultureInfo.InvariantCulture);
        return n < 100 ? 2000 + n : n;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static DateOnly? Explicit(int year, int month, int day) => TryDate(year, month, day, out var d) ? d : null;

    /// <summary>
    /// The next month/day on or after today (Feb 29 waits for a leap year); one that passed in the last 30 days is that day
    /// ("a peel for nov 20" on November 23 is a day gone by, said so, not next year's).
    /// </summary>
    private static DateOnly? NextOccurrence(DateOnly today, int month, int day)
    {
        if (TryDate(today.Year, month, day, out var recent) && recent < today && today.DayNumber - recent.DayNumber <= 30)
        {
            return recent;
        }
        for (var year = today.Year; year <= today.Year + 8; year++)
        {
            if (TryDate(year, month, day, out var d) && d >= today)
            {
                return d;
            }
        }

        return null;
    }

    private static DateOnly? NextDayOfMonth(DateOnly today, int day)
    {
        if (day is < 1 or > 31)
        {
            return null;
        }

        var first = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 13; i++)
        {
            var month = first.AddMonths(i);
            if (TryDate(month.Year, month.Month, day, out var d) && d >= today)
            {
                return d;
            }
        }

        return null;
    }

    private static int MonthNumber(string m) => m[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static DayOfWeek WeekdayOf(string w) => w[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>Monday of the week containing <paramref name="day"/>.</summary>
    internal static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? WeekdayDate(Match m, DateOnly today)
    {
        var word = m.Groups["w"].Value;
        var qualifier = m.Groups["q"].Success ? m.Groups["q"].Value : string.Empty;
        // "sun" is also an ordinary word ("in the sun"): alone it needs a qualifier. "sat", "wed" and "mon" alone are
        // days unless a person did them ("I sat", "we wed").
        if (qualifier.Length == 0 && !m.Groups["tw"].Success && !m.Groups["nw"].Success && (word == "sun" || (word is "sat" or "wed" or "mon" && m.Groups["pre"].Success)))
        {
            return null;
        }

        var target = WeekdayOf(word);
        var next = qualifier.StartsWith("next", StringComparison.Ordinal) || qualifier.Contains("following", StringComparison.Ordinal)
                   || m.Groups["nw"].Success;
        var inclusive = qualifier.StartsWith("this", StringComparison.Ordinal) || qualifier.Contains("coming", StringComparison.Ordinal)
                        || m.Groups["tw"].Success;
        var days = ((int)target - (int)today.DayOfWeek + 7) % 7;
        if (next)
        {
            var nextWeek = WeekStart(today).AddDays(7);
            var d = today.AddDays(days == 0 ? 7 : days);
            d = d < nextWeek ? d.AddDays(7) : d;
            // "next next tuesday": the one after next Tuesday.
            return qualifier.StartsWith("next next", StringComparison.Ordinal) || qualifier.StartsWith("next  next", StringComparison.Ordinal) ? d.AddDays(7) : d;
        }

        return today.AddDays(days == 0 && !inclusive ? 7 : days);
    }

    private static DateRange WeekRange(Match m, DateOnly today)
    {
        var monday = WeekStart(today);
        var sunday = monday.AddDays(6);
        var phrase = m.Value;
        if (phrase.Contains("month", StringComparison.Ordinal))
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            if (phrase.StartsWith("end", StringComparison.Ordinal))
            {
                // "the end of the month" (round 34: "algo para fin de mes" was declined, the English read as no day): its last
                // week, from today when that week has begun.
                var last = (phrase.Contains("next", StringComparison.Ordinal) ? first.AddMonths(1) : first).AddMonths(1).AddDays(-1);
                var from = last.AddDays(-6);
                return new DateRange(from < today ? today : from, last);
            }

            if (phrase.StartsWith("next", StringComparison.Ordinal))
            {
                first = first.AddMonths(1);
                return new DateRange(first, first.AddMonths(1).AddDays(-1));
            }

            return new DateRange(today, first.AddMonths(1).AddDays(-1));
        }

        if (phrase.Contains("weekend", StringComparison.Ordinal))
        {
            var saturday = monday.AddDays(5);
            if (phrase.StartsWith("next", StringComparison.Ordinal) || phrase.Contains("following", StringComparison.Ordinal))
            {
                return new DateRange(saturday.AddDays(7), sunday.AddDays(7));
            }

            return new DateRange(saturday < today ? today : saturday, sunday);
        }

        if (phrase.Contains("after next", StringComparison.Ordinal))
        {
            return new DateRange(monday.AddDays(14), sunday.AddDays(14));
        }

        if (phrase.StartsWith("next", StringComparison.Ordinal))
        {
            return new DateRange(monday.AddDays(7), sunday.AddDays(7));
        }

        if (phrase.Contains("end of", StringComparison.Ordinal))
        {
            var friday = monday.AddDays(4);
            return new DateRange(friday < today ? today : friday, sunday);
        }

        if (phrase.StartsWith("later", StringComparison.Ordinal) || phrase.StartsWith("rest", StringComparison.Ordinal))
        {
            return today == sunday ? new DateRange(monday.AddDays(7), sunday.AddDays(7)) : new DateRange(today.AddDays(1), sunday);
        }

        return new DateRange(today, sunday);
    }

    /// <summary>
    /// "the first week of december", "the last week of january", "early december", "mid-january" (round 36: "first week of
    /// december, swedish 90" went to the team as a question): the days of that part of the month's next occurrence, from today
    /// when it has begun; null when it is over.
    /// </summary>
    private static DateRange? PartOfMonthRange(Match m, DateOnly today)
    {
        var month = MonthNumber(m.Groups["m"].Value);
        var year = month < today.Month ? today.Year + 1 : today.Year;
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var part = m.Groups["p"].Value;
        if (month == 5 && part is "early" or "mid" or "late")
        {
            // "running late may i still come": a verb, not the month.
            return null;
        }
        var (from, to) = part switch
        {
            "first" or "1st" => (first, first.AddDays(6)),
            "second" or "2nd" => (first.AddDays(7), first.AddDays(13)),
            "third" or "3rd" => (first.AddDays(14), first.AddDays(20)),
            "fourth" or "4th" => (first.AddDays(21), first.AddDays(27)),
            "last" => (last.AddDays(-6), last),
            "early" or "beginning" or "start" => (first, first.AddDays(9)),
            "late" or "end" => (first.AddDays(20), last),
            _ => (first.AddDays(10), first.AddDays(19)),
        };
        if (to < today)
        {
            return null;
        }
        return new DateRange(from < today ? today : from, to);
    }

    private static DateRange? InPeriodRange(Match m, DateOnly today)
    {
        var amount = m.Groups["n"].Value;
        var unit = m.Groups["u"].Value;
        if (amount.StartsWith("a few", StringComparison.Ordinal))
        {
            return unit.StartsWith("day", StringComparison.Ordinal)
                ? new DateRange(today.AddDays(2), today.AddDays(4))
                : unit.StartsWith("week", StringComparison.Ordinal)
                    ? new DateRange(today.AddDays(14), today.AddDays(28))
                    : null;
        }

        var n = amount switch
        {
            "a" or "an" => 1,
            _ when amount.StartsWith("a couple", StringComparison.Ordinal) => 2,
            _ => NumberWords.Parse(amount),
        };
        if (n is < 1 or > 60)
        {
            return null;
        }

        var day = unit[0] switch
        {
            'd' => today.AddDays(n),
            'w' => today.AddDays(7 * n),
            _ => today.AddMonths(n),
        };
        return DateRange.Day(day);
    }

    private static DateOnly NextHoliday(string name, DateOnly today)
    {
        for (var year = today.Year; ; year++)
        {
            var d = HolidayIn(name, year);
            if (d >= today)
            {
                return d;
            }
        }
    }

    private static DateOnly HolidayIn(string name, int year)
    {
        var n = name.Replace("'", string.Empty, StringComparison.Ordinal);
        if (n.StartsWith("christmas eve", StringComparison.Ordinal) || n.StartsWith("xmas eve", StringComparison.Ordinal))
        {
            return new DateOnly(year, 12, 24);
        }

        if (n.StartsWith("christmas", StringComparison.Ordinal) || n.StartsWith("xmas", StringComparison.Ordinal))
        {
            return new DateOnly(year, 12, 25);
        }

        if (n.StartsWith("new year", StringComparison.Ordinal))
        {
            return n.EndsWith("eve", StringComparison.Ordinal) ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        return n[..3] switch
        {
            "ind" => new DateOnly(year, 7, 4),
            "tha" => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            "mem" => LastWeekday(year, 5, DayOfWeek.Monday),
            "lab" => NthWeekday(year, 9, DayOfWeek.Monday, 1),
            "val" => new DateOnly(year, 2, 14),
            "mot" => NthWeekday(year, 5, DayOfWeek.Sunday, 2),
            "fat" => NthWeekday(year, 6, DayOfWeek.Sunday, 3),
            _ => new DateOnly(year, 10, 31),
        };
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)day + 7) % 7));
    }

    private readonly record struct Candidate(int Tier, int Start, int Length, DateRange Range);

    /// <summary>
    /// An expression of the parser and the words it cannot match without (<see cref="RequiredWords"/>, worked out from the
    /// expression's own text, every branch of it): on a text with none of them it is not run, and finds nothing, as it would
    /// have. Most messages ("yes", a name, "the 2nd one") hold no month, weekday, holiday or "week" (perf round twenty-seven);
    /// the ISO and slash dates, and "the 14th" written with digits, need a digit, which most messages lack either ("yes", a
    /// name, "the first one"; round twenty-eight).
    /// </summary>
    internal sealed class Expression(string name, Regex regex)
    {
        /// <summary>The expression's name in this parser.</summary>
        public string Name { get; } = name;

        /// <summary>The expression itself.</summary>
        public Regex Regex { get; } = regex;

        /// <summary>The words, one of which every match contains; null when they cannot be said (it always runs).</summary>
        public RequiredWords? Needed { get; } = RequiredWords.Of(regex.ToString(), regex.Options, digits: true);

        /// <summary>The expression's matches in <paramref name="lower"/>; none, without running it, when it lacks every needed word.</summary>
        public IEnumerable<Match> In(string lower, bool always) =>
            always || Needed?.MayMatch(lower) != false ? Regex.Matches(lower) : [];
    }

    /// <summary>The parser's expressions, each with its prefilter.</summary>
    internal static class Expressions
    {
        public static readonly Expression IsoDate = new(nameof(IsoDate), DateExpressionParser.IsoDate());
        public static readonly Expression SlashDate = new(nameof(SlashDate), DateExpressionParser.SlashDate());
        public static readonly Expression MonthDay = new(nameof(MonthDay), DateExpressionParser.MonthDay());
        public static readonly Expression DayMonth = new(nameof(DayMonth), DateExpressionParser.DayMonth());
        public static readonly Expression TheOrdinal = new(nameof(TheOrdinal), DateExpressionParser.TheOrdinal());
        public static readonly Expression Holiday = new(nameof(Holiday), DateExpressionParser.Holiday());
        public static readonly Expression RelativeDay = new(nameof(RelativeDay), DateExpressionParser.RelativeDay());
        public static readonly Expression InPeriod = new(nameof(InPeriod), DateExpressionParser.InPeriod());
        public static readonly Expression Weekday = new(nameof(Weekday), DateExpressionParser.Weekday());
        public static readonly Expression WeekFrom = new(nameof(WeekFrom), DateExpressionParser.WeekFrom());
        public static readonly Expression WeekOrMonth = new(nameof(WeekOrMonth), DateExpressionParser.WeekOrMonth());
        public static readonly Expression PartOfMonth = new(nameof(PartOfMonth), DateExpressionParser.PartOfMonth());

        /// <summary>All of them, in the order <see cref="Parse(string, DateOnly, IReadOnlyList{DateOnly}?)"/> runs them.</summary>
        public static readonly IReadOnlyList<Expression> All = [IsoDate, SlashDate, MonthDay, DayMonth, TheOrdinal, Holiday, RelativeDay, InPeriod, Weekday, WeekFrom, WeekOrMonth, PartOfMonth];
    }

    [GeneratedRegex(@"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d/.\-+(])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/]|\.\d|\s*(?:hours?|hrs?|of\b|cup|tsp))", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\b(?<m>" + Month + @")\.?\s+(?:the\s+)?(?<d>\d{1,2}(?:st|nd|rd|th)?|" + Ord + @")\b" + NotATime + @"(?:,?\s+(?<y>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<![:.]\d*)\b(?:the\s+)?(?<d>\d{1,2}(?:st|nd|rd|th)?|" + Ord + @")\s+(?:of\s+)?(?<m>" + Month + @")\b\.?(?:,?\s+(?<y>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?:\bthe\s+(?<d>\d{1,2}(?:st|nd|rd|th)|" + Ord + @")|(?<![\w/:.])(?<d>\d{1,2}(?:st|nd|rd|th)))\b" + NotAChoice + @"(?:\s+of\s+(?:this|the)\s+month\b|\s+of\s+(?<next>next)\s+month\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex TheOrdinal();

    [GeneratedRegex(@"\b(?<h>christmas\s+eve|xmas\s+eve|christmas(?:\s+day)?|xmas|new\s+year'?s?\s+eve|new\s+year'?s?(?:\s+day)?|independence\s+day|thanksgiving(?:\s+day)?|memorial\s+day|labou?r\s+day|valentine'?s?(?:\s+day)?|mother'?s?\s+day|father'?s?\s+day|halloween)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Holiday();

    // "tomorrow's" and "tomorrows" are tomorrow (a possessive, with or without its apostrophe; not "nows").
    [GeneratedRegex(@"\b(?:(?<after>(?:the\s+)?day\s+after\s+(?:tomorrow|tomorow|tommorow|tommorrow|tomorrw|tmrw|tmr))|(?<tomorrow>tomorrow|tomorow|tommorow|tommorrow|tomorro|tomoro|tomorrw|tomorw|tommorw|tomrw|tmrw|tmrow|tmr|2morrow|2morow|2moro|2mrw)|(?<today>(?<!\b(?:all|it|enough|everything)\s+for\s+)today|tonight|tonite|this\s+" + TimeExpressionParser.PartWord + @"|later\s+today|(?<=\b(?:free|open|available|availability)\s+)(?:right\s+)?now))(?:'?s(?<!nows))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDay();

    [GeneratedRegex(@"\bin\s+(?<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple(?:\s+of)?|a\s+few)\s+(?<u>days?|weeks?|months?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InPeriod();

    [GeneratedRegex(@"\ba\s+week\s+(?:from\s+(?:(?<tomorrow>tomorrow)|today|(?:this\s+)?(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun))|(?<tomorrow>tomorrow)|today)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeekFrom();

    [GeneratedRegex(@"(?:(?<pre>\b(?:" + Tools.Faq.SemanticFaq.WordsBeforeAVerbPattern + @")\s+))?\b(?:(?<q>this\s+coming|this|next\s+next|next\s+week(?:\s+on)?|next|coming|the\s+following|following|on)\s+)?(?<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)s?\b(?:(?<nw>\s+(?:of\s+)?next\s+week)|(?<tw>\s+(?:of\s+)?this\s+week))?", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:(?:this|next|the)\s+)?(?:coming\s+|following\s+)?weekend\b|\b(?:later|rest\s+of)\s+this\s+week\b|\bend\s+of\s+(?:the|this)\s+week\b|\bend\s+of\s+(?:the|this|next)\s+month\b|\bweek\s+after\s+next\b|\b(?:this|next)\s+(?:week|month)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeekOrMonth();

    [GeneratedRegex(@"\b(?:(?:the\s+)?(?<p>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+(?:of|in)\s+|(?:the\s+)?(?<p>beginning|start|end)\s+of\s+|(?<p>early|mid|late)[\s-]+)(?<m>" + Month + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex PartOfMonth();
}
