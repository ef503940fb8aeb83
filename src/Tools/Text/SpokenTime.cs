using System.Globalization;

namespace FrontDesk.Tools.Text;

/// <summary>Dates and times the way people say them: "Tuesday, March 3 at 2:30 PM", "noon".</summary>
public static class SpokenTime
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

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
}
