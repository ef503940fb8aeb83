using System.Globalization;

namespace FrontDesk.Tools.Text;

/// <summary>
/// Dates and times the way people say them: "Tuesday, March 3 at 2:30 PM", "noon"; in Spanish "martes 3 de marzo a las
/// 2:30 p. m.", "mediodía". A language without its own wording gets English.
/// </summary>
public static class SpokenTime
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private const string Spanish = "es";

    private static readonly string[] SpanishDays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];

    private static readonly string[] SpanishMonths =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>"2:30 PM", "10 AM", "noon".</summary>
    public static string Time(TimeOnly t) => t switch
    {
        { Hour: 12, Minute: 0 } => "noon",
        { Minute: 0 } => t.ToString("h tt", En),
        _ => t.ToString("h:mm tt", En),
    };

    /// <summary>"Tuesday, March 3".</summary>
    public static string Day(DateOnly d) => d.ToString("dddd, MMMM d", En);

    /// <summary>"Tuesday, March 3 at 2:30 PM".</summary>
    public static string DayAndTime(DateTime local) => $"{Day(DateOnly.FromDateTime(local))} at {Time(TimeOnly.FromDateTime(local))}";

    /// <summary><see cref="Time(TimeOnly)"/> in a language: "2:30 p. m.", "10 a. m.", "mediodía" in Spanish.</summary>
    public static string Time(TimeOnly t, string? language) => language != Spanish ? Time(t) : t switch
    {
        { Hour: 12, Minute: 0 } => "mediodía",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(t.Hour % 12 == 0 ? 12 : t.Hour % 12)}{(t.Minute == 0 ? "" : $":{t.Minute:00}")} {(t.Hour < 12 ? "a. m." : "p. m.")}"),
    };

    /// <summary>A weekday's name: "Tuesday"; "martes" in Spanish.</summary>
    public static string Weekday(DayOfWeek day, string? language) => language != Spanish ? En.DateTimeFormat.GetDayName(day) : SpanishDays[(int)day];

    /// <summary><see cref="Day(DateOnly)"/> in a language: "martes 3 de marzo" in Spanish.</summary>
    public static string Day(DateOnly d, string? language) => language != Spanish
        ? Day(d)
        : string.Create(CultureInfo.InvariantCulture, $"{SpanishDays[(int)d.DayOfWeek]} {d.Day} de {SpanishMonths[d.Month - 1]}");

    /// <summary>
    /// <see cref="DayAndTime(DateTime)"/> in a language: "martes 3 de marzo a las 2:30 p. m.", "… a la 1 p. m.",
    /// "… al mediodía" in Spanish.
    /// </summary>
    public static string DayAndTime(DateTime local, string? language)
    {
        if (language != Spanish)
        {
            return DayAndTime(local);
        }
        var t = TimeOnly.FromDateTime(local);
        var at = t is { Hour: 12, Minute: 0 } ? "al" : t.Hour % 12 == 1 ? "a la" : "a las";
        return $"{Day(DateOnly.FromDateTime(local), language)} {at} {Time(t, language)}";
    }
}
