using System.Globalization;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>
/// A weekday said with a day of the month that do not go together ("friday the 12th" when the 12th is a Saturday, "el viernes
/// 12", "tuesday the 3rd"): neither is guessed; the two days it could mean are asked (round 25).
/// </summary>
public static partial class DayDatePair
{
    /// <summary>
    /// The two days a mismatched weekday and date could mean (the weekday nearest the date, and the date), soonest first; empty
    /// when there is no such pair or they agree.
    /// </summary>
    public static IReadOnlyList<DateOnly> Mismatch(string text, DateOnly today)
    {
        var m = WeekdayAndDate().Match(text);
        if (!m.Success || Weekday(m.Groups["wd"].Value) is not { } named
            || !int.TryParse(m.Groups["d"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return [];
        }
        // The date itself: this month's when it is still to come, else next month's.
        var month = number >= today.Day ? today : today.AddMonths(1);
        if (number > DateTime.DaysInMonth(month.Year, month.Month))
        {
            return [];
        }
        var dated = new DateOnly(month.Year, month.Month, number);
        if (dated.DayOfWeek == named)
        {
            return [];
        }
        // The weekday named in the same few days (Friday the 12th, a Saturday: Friday the 11th).
        var shift = ((int)named - (int)dated.DayOfWeek + 7) % 7;
        var weekday = shift <= 3 ? dated.AddDays(shift) : dated.AddDays(shift - 7);
        if (weekday < today)
        {
            weekday = weekday.AddDays(7);
        }
        return weekday < dated ? [weekday, dated] : [dated, weekday];
    }

    /// <summary>The weekday a day's name or abbreviation says, English or Spanish ("tues", "miércoles", "sabado"); null for none.</summary>
    internal static DayOfWeek? Weekday(string word) => word.ToLowerInvariant() switch
    {
        var w when w.StartsWith("mon", StringComparison.Ordinal) || w == "lunes" => DayOfWeek.Monday,
        var w when w.StartsWith("tue", StringComparison.Ordinal) || w == "martes" => DayOfWeek.Tuesday,
        var w when w.StartsWith("wed", StringComparison.Ordinal) || w.StartsWith("mi", StringComparison.Ordinal) => DayOfWeek.Wednesday,
        var w when w.StartsWith("thu", StringComparison.Ordinal) || w == "jueves" => DayOfWeek.Thursday,
        var w when w.StartsWith("fri", StringComparison.Ordinal) || w == "viernes" => DayOfWeek.Friday,
        var w when w.StartsWith("sat", StringComparison.Ordinal) || w.EndsWith("bado", StringComparison.Ordinal) => DayOfWeek.Saturday,
        var w when w.StartsWith("sun", StringComparison.Ordinal) || w == "domingo" => DayOfWeek.Sunday,
        _ => null,
    };

    // "friday the 12th", "fri the 12", "tuesday 3rd", "el viernes 12" (Spanish says the date bare): not a time ("friday 3pm",
    // "friday the 12th at 3" reads the 12th; "viernes 12 de diciembre" names the month, left to the date reader).
    [GeneratedRegex(@"\b(?<wd>monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(?:(?:the|el)\s+(?<d>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?|(?<d>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)|(?<=(?:lunes|martes|rcoles|jueves|viernes|bado|domingo)\s+)(?<d>[1-9]|[12][0-9]|3[01]))\b(?!\s*(?::|am\b|pm\b|a\.\s*m|p\.\s*m|o'?clock|de\s+(?:la|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)|en\s+punto|y\s+media|min))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayAndDate();
}
