using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>What kind of time the caller asked for.</summary>
public enum TimePreferenceKind
{
    /// <summary>A clock time ("3pm", "half past two").</summary>
    Exact,

    /// <summary>A part of the day or bounds ("morning", "after 5", "between 2 and 4").</summary>
    Window,

    /// <summary>The earliest opening ("first available", "asap"), optionally within a window.</summary>
    Earliest,

    /// <summary>The latest opening ("end of day", "latest you have"), optionally within a window.</summary>
    Latest,
}

/// <summary>A time preference read from text.</summary>
/// <param name="Kind">Exact time, window, earliest or latest.</param>
/// <param name="Exact">The clock time for <see cref="TimePreferenceKind.Exact"/>.</param>
/// <param name="From">Earliest acceptable start (inclusive), when bounded.</param>
/// <param name="To">Latest acceptable start (exclusive), when bounded.</param>
/// <param name="AmPmAssumed">True when the caller gave no am/pm and the spa reading was applied (1–7 → pm, 8–11 → am, 12 → noon).</param>
/// <param name="Spans">Where the time words are in the text.</param>
public sealed record TimePreference(
    TimePreferenceKind Kind,
    TimeOnly? Exact,
    TimeOnly? From,
    TimeOnly? To,
    bool AmPmAssumed,
    IReadOnlyList<TextSpan> Spans)
{
    /// <summary>True when <paramref name="time"/> satisfies the preference (exact equality for an exact time).</summary>
    public bool Accepts(TimeOnly time) => Kind == TimePreferenceKind.Exact
        ? Exact == time
        : (From is null || time >= From) && (To is null || time < To);
}

/// <summary>
/// Reads the time part of what a caller says. Hours without am/pm are read the way a spa would:
/// 1–7 are afternoon, 8–11 morning, 12 noon. Parts of day: morning is before 12:00, afternoon
/// 12:00–17:00, evening from 17:00. Dates ("3/14", "the 14th"), phone numbers, prices and counts
/// ("for 2", "in 3 days") are not read as times; a bare number ("3") is a time only when the
/// agent has just asked for one.
/// </summary>
public static partial class TimeExpressionParser
{
    private const string Hour = @"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private const string Meridiem = @"(?:a\.?m\.?|p\.?m\.?)";
    private const string MinuteWord = @"(?:thirty|fifteen|forty[- ]?five|forty|twenty|fifty|ten|oh[- ]?five)";
    private const string NotCount = @"(?!\s*(?:[:/.,]?\d|st\b|nd\b|rd\b|th\b|people|persons?|guests?|of\s+us|days?|weeks?|months?|years?|hours?|hrs?|mins?\b|minutes?|dollars|bucks|percent|%|times|visits|sessions|units|ml|cc|massages|facials|treatments|appointments|appts|services|packages|peels|kids|children|friends))";

    // The parts of the day as people type them, slips included ("mornin", "aftrnoon", "afternon", "evning"); read as the
    // word they stand for (CanonicalPart). "even", "morn" and "after noon" are not among them.
    internal const string MorningWord = @"(?:morn(?:ing|in|ign|nig|ning|nin|ng)s?|morming|mroning|monring|morining|moring)";
    // "aftn", "aftrn" by text (round 29).
    internal const string AfternoonWord = @"(?:af+(?:ter|tr|te|t|er|etr|tre)n+o{1,2}n+s?|af+tr?n)";
    internal const string EveningWord = @"(?:eve?n+i?n+g?s?|evng)";
    internal const string PartWord = @"(?:" + MorningWord + "|" + AfternoonWord + "|" + EveningWord + ")";

    private const string ClockTime = @"(?:" + Hour + @"(?::[0-5]\d)?(?:\s*" + Meridiem + @"(?!\w))?|noon|midday|lunch(?:\s*time)?)";

    private static readonly TimeOnly Noon = new(12, 0);
    private static readonly TimeOnly Five = new(17, 0);

    /// <summary>Finds the time preference in <paramref name="text"/>; null when there is none.</summary>
    public static TimePreference? Parse(string text) => Parse(text, expectingTime: false);

    /// <summary>
    /// Finds the time preference in <paramref name="text"/>. With <paramref name="expectingTime"/>,
    /// a reply that is only a number ("3", "around 4", "10:30") is read as a time.
    /// </summary>
    public static TimePreference? Parse(string text, bool expectingTime)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        var lower = TextNormalizer.LowerSameLength(text);
        var taken = new List<TextSpan>(4);
        TimeOnly? exact = null;
        var assumed = false;
        TimeOnly? from = null;
        TimeOnly? to = null;
        (TimeOnly? From, TimeOnly? To)? part = null;
        var earliest = false;
        var latest = false;

        foreach (Match m in PastOrTo().Matches(lower))
        {
            if (ExactTime(m) is { } t && Take(taken, m))
            {
                exact = t.Time;
                assumed = t.Assumed;
                break;
            }
        }

        foreach (Match m in WorkHours().Matches(lower))
        {
            // "i work 9 to 5", "i work till 6", "i get off work at 5:30" (round 34: the first hour was offered, or "till 5"
            // read as before five): the person is free from the end of work on.
            if (from is null && Take(taken, m) && Clock(m.Groups["b"].Value) is { } end)
            {
                from = end.Time;
            }
        }

        foreach (Match m in Between().Matches(lower))
        {
            if (Take(taken, m) && Clock(m.Groups["a"].Value) is { } a && Clock(m.Groups["b"].Value) is { } b)
            {
                var (start, end) = (a.Time, b.Time);
                // "between 11 and 1", "from 10 to 2": when the spa reading runs backwards, flip the first end.
                if (start >= end && a.Assumed && start.Hour >= 12)
                {
                    start = start.AddHours(-12);
                }

                from ??= start;
                to ??= end;
            }
        }

        foreach (Match m in After().Matches(lower))
        {
            if (Take(taken, m) && Clock(m.Groups["t"].Value) is { } t)
            {
                from ??= t.Time;
            }
        }

        foreach (Match m in Before().Matches(lower))
        {
            if (Take(taken, m) && Clock(m.Groups["t"].Value) is { } t)
            {
                to ??= t.Time;
            }
        }

        foreach (var pattern in (ReadOnlySpan<Regex>)[WithMeridiem(), HourMinute(), WithDayPart(), DayPartFirst(), OClock(), Cued(), NoonWord()])
        {
            foreach (Match m in pattern.Matches(lower))
            {
                if (exact is null && Overlaps(taken, m) is false && ExactTime(m) is { } t)
                {
                    Take(taken, m);
                    exact = t.Time;
                    assumed = t.Assumed;
                }
            }
        }

        foreach (Match m in AllButPart().Matches(lower))
        {
            // "anytime but mornings", "not in the morning", "no evenings": the rest of the day (a morning ruled out is the
            // afternoon on; an evening ruled out is before five). An afternoon ruled out leaves two windows: not read.
            var ruledOut = CanonicalPart(m.Groups["p"].Value);
            if (part is null && from is null && to is null && !ruledOut.StartsWith("afternoon", StringComparison.Ordinal) && Take(taken, m))
            {
                part = ruledOut.StartsWith("morning", StringComparison.Ordinal) || ruledOut.EndsWith("am", StringComparison.Ordinal) ? (Noon, null) : (null, Five);
            }
        }

        foreach (Match m in PartOfDay().Matches(lower))
        {
            if (part is null && Take(taken, m))
            {
                part = PartWindow(m.Groups["mod"].Value, CanonicalPart(m.Groups["p"].Value));
            }
        }

        foreach (Match m in EarliestWords().Matches(lower))
        {
            if (Take(taken, m))
            {
                earliest = true;
            }
        }

        foreach (Match m in LatestWords().Matches(lower))
        {
            if (Take(taken, m))
            {
                latest = true;
            }
        }

        if (exact is null && expectingTime && BareNumber().Match(lower) is { Success: true } bare && ExactTime(bare) is { } bt)
        {
            Take(taken, bare);
            exact = bt.Time;
            assumed = bt.Assumed;
        }

        if (taken.Count == 0)
        {
            return null;
        }

        taken.Sort((x, y) => x.Start.CompareTo(y.Start));
        if (exact is { } e)
        {
            // "at 8 tonight": the part of day settles an assumed am/pm.
            if (assumed && part is { } p && !Inside(e, p))
            {
                var flipped = e.AddHours(12);
                if (Inside(flipped, p))
                {
                    e = flipped;
                    assumed = false;
                }
            }

            return new TimePreference(TimePreferenceKind.Exact, e, null, null, assumed, taken);
        }

        if (part is { } window)
        {
            from = Max(from, window.From);
            to = Min(to, window.To);
        }

        var kind = earliest ? TimePreferenceKind.Earliest : latest ? TimePreferenceKind.Latest : TimePreferenceKind.Window;
        if (kind == TimePreferenceKind.Window && from is null && to is null)
        {
            return null;
        }

        return new TimePreference(kind, null, from, to, false, taken);
    }

    private static bool Inside(TimeOnly t, (TimeOnly? From, TimeOnly? To) w) =>
        (w.From is null || t >= w.From) && (w.To is null || t < w.To);

    private static TimeOnly? Max(TimeOnly? a, TimeOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeOnly? Min(TimeOnly? a, TimeOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static bool? Overlaps(List<TextSpan> taken, Match m)
    {
        var span = new TextSpan(m.Index, m.Length);
        foreach (var t in taken)
        {
            if (t.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Take(List<TextSpan> taken, Match m)
    {
        if (Overlaps(taken, m) is true)
        {
            return false;
        }

        taken.Add(new TextSpan(m.Index, m.Length));
        return true;
    }

    private static (TimeOnly From, TimeOnly To)? Window(int fromHour, int fromMinute, int toHour, int toMinute) =>
        (new TimeOnly(fromHour, fromMinute), new TimeOnly(toHour, toMinute));

    /// <summary>The part of the day a word stands for, however it was typed ("aftrnoon" → "afternoon"); other words unchanged.</summary>
    internal static string CanonicalPart(string word) =>
        MorningExactly().IsMatch(word) ? "morning" : AfternoonExactly().IsMatch(word) ? "afternoon" : EveningExactly().IsMatch(word) ? "evening" : word;

    private static (TimeOnly? From, TimeOnly? To) PartWindow(string modifier, string part)
    {
        if (part.StartsWith("before", StringComparison.Ordinal))
        {
            // "anything before work? like 7" (round 28): early in the morning, so a bare 7 is 7 AM (before opening, said so).
            return (null, new TimeOnly(10, 0));
        }
        if (part.StartsWith("morning", StringComparison.Ordinal) || part.EndsWith("am", StringComparison.Ordinal))
        {
            return modifier switch
            {
                "early" => (null, new TimeOnly(10, 0)),
                "late" or "mid" => Window(10, 0, 12, 0)!.Value,
                _ => (null, Noon),
            };
        }

        if (part.StartsWith("afternoon", StringComparison.Ordinal) || part.EndsWith("pm", StringComparison.Ordinal))
        {
            return modifier switch
            {
                "early" => Window(12, 0, 14, 0)!.Value,
                "mid" => Window(13, 0, 16, 0)!.Value,
                "late" => Window(15, 0, 17, 0)!.Value,
                _ => part.EndsWith("pm", StringComparison.Ordinal) ? (Noon, null) : (Noon, Five),
            };
        }

        if (part.StartsWith("lunch", StringComparison.Ordinal) && (part.EndsWith("break", StringComparison.Ordinal) || part.EndsWith("hour", StringComparison.Ordinal)))
        {
            // "on my lunch break": a start the hour around noon leaves time to come and go back.
            return Window(11, 30, 13, 0)!.Value;
        }

        if (part.StartsWith("lunch", StringComparison.Ordinal))
        {
            return Window(11, 0, 14, 0)!.Value;
        }

        return modifier switch
        {
            "early" => Window(17, 0, 19, 0)!.Value,
            "late" => (new TimeOnly(19, 0), null),
            _ => (Five, null),
        };
    }

    /// <summary>Reads one clock expression ("3", "3pm", "3:30 p.m.", "15:30", "noon", "two").</summary>
    private static (TimeOnly Time, bool Assumed)? Clock(string expression)
    {
        var m = ClockParts().Match(expression);
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["noon"].Success)
        {
            return (Noon, false);
        }

        var minute = m.Groups["mm"].Success ? int.Parse(m.Groups["mm"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return Resolve(NumberWords.Parse(m.Groups["h"].Value), minute, m.Groups["ap"].Value, string.Empty);
    }

    private static (TimeOnly Time, bool Assumed)? ExactTime(Match m)
    {
        if (m.Groups["noon"].Success)
        {
            return (Noon, false);
        }

        var hour = NumberWords.Parse(m.Groups["h"].Value);
        var minute = 0;
        if (m.Groups["mm"].Success)
        {
            minute = int.Parse(m.Groups["mm"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (m.Groups["mw"].Success)
        {
            var w = m.Groups["mw"].Value;
            minute = w.StartsWith("oh", StringComparison.Ordinal) ? 5
                : w.StartsWith("forty", StringComparison.Ordinal) && w.Length > 5 ? 45
                : Math.Max(0, NumberWords.Parse(w));
        }

        var resolved = Resolve(hour, minute, m.Groups["ap"].Value, CanonicalPart(m.Groups["dp"].Value));
        if (resolved is null || !m.Groups["rel"].Success)
        {
            return resolved;
        }

        // "half past two", "quarter to 4", "ten after 3".
        var rel = m.Groups["rel"].Value;
        var offset = rel.StartsWith("half", StringComparison.Ordinal) ? 30
            : rel.StartsWith("quarter", StringComparison.Ordinal) ? 15
            : NumberWords.Parse(rel.Replace(" minutes", string.Empty, StringComparison.Ordinal).Replace(" minute", string.Empty, StringComparison.Ordinal));
        if (offset is <= 0 or >= 60)
        {
            return null;
        }

        var dir = m.Groups["dir"].Value;
        var time = dir is "to" or "til" or "till" or "before" or "of"
            ? resolved.Value.Time.AddMinutes(-offset)
            : resolved.Value.Time.AddMinutes(offset);
        return (time, resolved.Value.Assumed);
    }

    /// <summary>Applies am/pm, a part of day, or the spa reading to an hour.</summary>
    private static (TimeOnly Time, bool Assumed)? Resolve(int hour, int minute, string meridiem, string dayPart)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return null;
        }

        if (meridiem.Length > 0)
        {
            if (hour is 0 or > 12)
            {
                return null;
            }

            var pm = meridiem[0] == 'p';
            return (new TimeOnly(hour % 12 + (pm ? 12 : 0), minute), false);
        }

        if (hour == 0 || hour > 12)
        {
            return (new TimeOnly(hour, minute), false);
        }

        if (dayPart.Length > 0)
        {
            var pm = dayPart is not "morning";
            return (new TimeOnly(pm ? hour % 12 + 12 : hour % 12, minute), false);
        }

        var h = hour is >= 1 and <= 7 ? hour + 12 : hour;
        return (new TimeOnly(h, minute), hour != 12);
    }

    [GeneratedRegex(@"(?<![\w:/.$\-])(?<h>" + Hour + @")(?:[:.](?<mm>[0-5]\d))?\s*(?<ap>" + Meridiem + @")(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex WithMeridiem();

    [GeneratedRegex(@"(?<![\w:/.$\-])(?<h>\d{1,2}):(?<mm>[0-5]\d)(?![\d:])", RegexOptions.CultureInvariant)]
    private static partial Regex HourMinute();

    [GeneratedRegex(@"(?<!\b(?:from|between)\s+)\b(?<rel>half|quarter|(?:5|10|20|25|five|ten|twenty|twenty[- ]five)(?:\s+minutes?)?)\s+(?<dir>past|after|to|til|till|before|of)\s+(?<h>" + Hour + @")\b(?!\s*(?:[:/]\d|st\b|nd\b|rd\b|th\b|people|days?|weeks?|hours?))(?:\s*(?<ap>" + Meridiem + @")(?!\w))?(?:\s+in\s+the\s+(?<dp>" + PartWord + @"))?", RegexOptions.CultureInvariant)]
    private static partial Regex PastOrTo();

    [GeneratedRegex(@"(?<![\w:/.$\-])(?<h>" + Hour + @")(?::(?<mm>[0-5]\d)|\s+(?<mw>" + MinuteWord + @"))?\s+(?:in\s+the\s+(?<dp>" + PartWord + @")|at\s+(?<dp>night)|(?<dp>tonight))\b", RegexOptions.CultureInvariant)]
    private static partial Regex WithDayPart();

    /// <summary>"evening 5", "at the afternoon 3", "morning 11": the part of day said before the hour ("one" is left out: "the afternoon one" is a pick).</summary>
    [GeneratedRegex(@"\b(?<dp>" + PartWord + @")\s+(?:at\s+)?(?<h>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s*(?:[:.]\d|st\b|nd\b|rd\b|th\b|people|persons?|guests?|of\s+us|days?|weeks?|months?|hours?|hrs?|mins?\b|minutes?|slots?|options?|appointments?|times?))", RegexOptions.CultureInvariant)]
    private static partial Regex DayPartFirst();

    [GeneratedRegex(@"(?<![\w:/.$\-])(?<h>" + Hour + @")\s*o['""]?clock\b", RegexOptions.CultureInvariant)]
    private static partial Regex OClock();

    [GeneratedRegex(@"\b(?:at|around|about|say|maybe|like|how\s+about|what\s+about|make\s+it|make\s+that|move\s+it\s+to|change\s+it\s+to|instead|(?:can|could)\s+(?:we|you|i)\s+do)\s+(?<h>" + Hour + @")(?:\s+(?<mw>" + MinuteWord + @"))?\b" + NotCount, RegexOptions.CultureInvariant)]
    private static partial Regex Cued();

    [GeneratedRegex("^" + MorningWord + "$", RegexOptions.CultureInvariant)]
    private static partial Regex MorningExactly();

    [GeneratedRegex("^" + AfternoonWord + "$", RegexOptions.CultureInvariant)]
    private static partial Regex AfternoonExactly();

    [GeneratedRegex("^" + EveningWord + "$", RegexOptions.CultureInvariant)]
    private static partial Regex EveningExactly();

    [GeneratedRegex(@"\b(?<noon>noon|midday|mid-day|12\s*noon)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NoonWord();

    [GeneratedRegex(@"\b(?:between|from)\s+(?<a>" + ClockTime + @")\s*(?:and|to|-|until|till|til|through)\s*(?<b>" + ClockTime + @")\b" + NotCount + @"|(?<![\w:/.$\-])(?<a>\d{1,2}(?::[0-5]\d)?)\s*-\s*(?<b>\d{1,2}(?::[0-5]\d)?\s*" + Meridiem + @")(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    // The hours one works, said to show when one is free: "i work 9 to 5", "i work from 9-6", "work till 5", "im at work until
    // 6", "i get off work at 5:30". "because i get off at 2:30" without "work" stays the time said (round 16). "a" between the hours is the Spanish gloss's ("trabajo de 9 a 5").
    [GeneratedRegex(@"\b(?:(?:work|working|at\s+work)\s+(?:from\s+)?(?:(?<a>" + ClockTime + @")\s*(?:to|-|till|til|until|through|a)\s*|(?:till|til|until)\s+)(?<b>" + ClockTime + @")|(?:get|getting|gets|am|m|be)\s+(?:off|out)\s+(?:of\s+)?work\s+(?:at|around|by)\s+(?<b>" + ClockTime + @")|done\s+with\s+work\s+(?:at|by|around)\s+(?<b>" + ClockTime + @"))\b" + NotCount, RegexOptions.CultureInvariant)]
    private static partial Regex WorkHours();

    [GeneratedRegex(@"\b(?:any\s*time\s+after|after|from|later\s+than|no\s+earlier\s+than|not\s+before)\s+(?<t>" + ClockTime + @")\b" + NotCount, RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex(@"\b(?:any\s*time\s+before|before|by|until|till|til|no\s+later\s+than|earlier\s+than|not\s+after)\s+(?<t>" + ClockTime + @")\b" + NotCount, RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    // "good morning", "good evening", "good night" are greetings, not the part of the day wanted, unless a slot follows
    // ("any good morning slots friday?").
    [GeneratedRegex(@"(?:(?<!\bgood\s+)|(?=\w+\s+(?:slots?|times?|appointments?|appts?|openings?|spots?|ones?|availability)\b))\b(?:(?<mod>early|late|mid)[- ]?)?(?<p>" + PartWord + @"|nights?|tonight|after\s+work|after\s+school|before\s+work|lunch\s*time|lunch\s+(?:break|hour)|lunch|in\s+the\s+am|in\s+the\s+pm)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PartOfDay();

    // "anytime but mornings", "any time except the morning", "just not mornings", "no mornings please", "not in the evening",
    // "menos en la mañana" (read into English "except in the morning").
    [GeneratedRegex(@"\b(?:(?:(?:any\s*time|anytime|whenever|any\s+day)\s+(?:but|except|other\s+than|besides)|(?:just\s+|but\s+)?not|except|(?:can'?t|cannot|can\s+not)\s+do)\s+(?:in\s+the\s+|the\s+)?(?<p>" + PartWord + @"|nights?)|no\s+(?<p>mornings|evenings|nights))\b", RegexOptions.CultureInvariant)]
    private static partial Regex AllButPart();

    [GeneratedRegex(@"\b(?:earliest|first\s+available|first\s+thing|first\s+opening|asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|you\s+can)|as\s+early\s+as\s+possible|soonest|next\s+available)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EarliestWords();

    [GeneratedRegex(@"\b(?:latest|last\s+(?:appointment|slot|available|opening|thing)|end\s+of\s+(?:the\s+)?day|as\s+late\s+as\s+(?:possible|you\s+can))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LatestWords();

    [GeneratedRegex(@"^\s*(?:(?:ok(?:ay)?|yes|yeah|um+|uh+|so|let'?s\s+do|i'?ll\s+take|the|at|around|about|maybe|say|how\s+about)[,\s]+)*(?<h>" + Hour + @")(?::(?<mm>[0-5]\d)|\s+(?<mw>" + MinuteWord + @"))?(?:\s+one)?\s*(?:please|pls|works(?:\s+(?:for\s+(?:me|us)|best|great|fine))?|suits\s+me|sounds\s+(?:good|great|perfect)|is\s+(?:good|fine|great|better|perfect|best)|would\s+be\s+(?:good|great|better))?(?:\s+for\s+(?:me|us|her|him|them|my\s+\w+|the\s+(?:other|second)(?:\s+(?:one|person))?))?(?:[\s,]+(?:if\s+(?:you\s+(?:have|got)\s+(?:it|one|that|them)|(?:that'?s|it'?s|its)\s+(?:ok(?:ay)?|possible|free|open|available))|then|instead|i\s+guess|maybe))*\s*[.!?]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\s*(?:(?<noon>noon|midday|lunch(?:\s*time)?)|(?<h>" + Hour + @")(?::(?<mm>[0-5]\d))?\s*(?<ap>" + Meridiem + @")?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockParts();
}
