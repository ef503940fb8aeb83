using System.Globalization;
using System.Text.RegularExpressions;

namespace FrontDesk.Eval.Nlu;

/// <summary>A slot mention a reader found: kind (date, time, provider), character offsets in the utterance (end exclusive) and its normalised value.</summary>
public sealed record Mention(string Kind, int Start, int End, string? Value)
{
    public bool Overlaps(int start, int end) => Start < end && start < End;
}

/// <summary>
/// Normalised slot values, so a predicted mention is scored on what it means, not on sharing a word: a time is
/// HH:mm; a date is its words without fillers and ordinal endings ("on the 9th of March" and "March 9th" are both
/// "9 march"), because SGD gives no reference date to resolve "next Friday" against. Written here, independently of
/// the engine's parsers, and used for both readers and the gold values.
/// </summary>
public static partial class SlotValues
{
    private static readonly HashSet<string> DateFillers = new(StringComparer.Ordinal) { "on", "the", "of", "for", "at", "by", "in", "a", "an" };

    private static readonly Dictionary<string, int> HourWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    /// <summary>A date's surface text as a comparable value: lower-case words, fillers dropped, "9th" → "9", in sorted order.</summary>
    public static string Date(string text) =>
        string.Join(' ', Words().Matches(text.ToLowerInvariant()).Select(m => Ordinal().Replace(m.Value, "$1"))
            .Where(w => !DateFillers.Contains(w)).Order(StringComparer.Ordinal));

    /// <summary>
    /// A clock time as HH:mm ("half past 2 in the afternoon" → 14:30, "evening 4:15" → 16:15, "17:30" → 17:30), or
    /// null when the text holds no clock time. <paramref name="ambiguous"/> is true when nothing says am or pm
    /// ("11:15"), in which case the value is the am reading and <see cref="Matches"/> also accepts the pm one.
    /// </summary>
    public static string? Time(string text, out bool ambiguous)
    {
        ambiguous = false;
        var t = text.ToLowerInvariant().Replace('"', '\'');
        var m = Clock().Match(t);
        if (!m.Success)
        {
            if (Noon().IsMatch(t))
            {
                return "12:00";
            }
            return null;
        }
        var hour = int.TryParse(m.Groups["h"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : HourWords[m.Groups["h"].Value];
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        switch (m.Groups["rel"].Value)
        {
            case "half past": minute = 30; break;
            case "quarter past": minute = 15; break;
            case "quarter to": minute = 45; hour = hour == 1 ? 12 : hour - 1; break;
        }
        if (hour > 23 || minute > 59)
        {
            return null;
        }
        var pm = Pm().IsMatch(t);
        var am = Am().IsMatch(t);
        if (pm && hour < 12)
        {
            hour += 12;
        }
        else if (am && hour == 12)
        {
            hour = 0;
        }
        ambiguous = !pm && !am && hour is >= 1 and <= 12;
        return $"{hour:00}:{minute:00}";
    }

    /// <summary>True when a predicted HH:mm is the gold time (either reading when the gold text says neither am nor pm).</summary>
    public static bool Matches(string? predicted, string gold)
    {
        if (predicted is null)
        {
            return false;
        }
        var value = Time(gold, out var ambiguous);
        if (value is null)
        {
            return false;
        }
        if (predicted == value)
        {
            return true;
        }
        if (!ambiguous)
        {
            return false;
        }
        var h = int.Parse(value[..2], CultureInfo.InvariantCulture);
        return predicted == $"{(h + 12) % 24:00}{value[2..]}";
    }

    /// <summary>The date words of a combined date-and-time mention ("half past 2 in the afternoon on the 9th of March" → "9 march").</summary>
    public static string DateWithoutTime(string text) => Date(TimeWords().Replace(text.ToLowerInvariant(), " "));

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(\d+)(?:st|nd|rd|th)$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?:(?<rel>half past|quarter past|quarter to)\s+)?\b(?<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?::(?<m>[0-5]\d))?")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:p\.?m\b\.?|afternoon|evening|night|tonight)|\dpm\b")]
    private static partial Regex Pm();

    [GeneratedRegex(@"\b(?:a\.?m\b\.?|morning)|\dam\b")]
    private static partial Regex Am();

    [GeneratedRegex(@"\b(?:noon|midday)\b")]
    private static partial Regex Noon();

    [GeneratedRegex(@"\b(?:(?:at|around)\s+)?(?:half past|quarter past|quarter to)?\s*\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!st|nd|rd|th)(?:\s*o'?clock)?(?:\s+in the (?:morning|afternoon|evening))?|\b(?:morning|afternoon|evening|tonight|noon|am|pm)\b")]
    private static partial Regex TimeWords();
}
