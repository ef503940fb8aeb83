using System.Globalization;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools;

/// <summary>
/// Reads the arguments the model passes to the tools: names resolved against the profile (with an answer the model can
/// act on when they don't resolve), dates and times in the formats the tool descriptions ask for.
/// </summary>
public sealed class ToolArguments(SpaProfile profile)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _region = PhoneNumbers.RegionOf(profile.DefaultLocation.Phone);

    /// <summary>A phone number the model passed, as E.164, read in the spa's region (its own number's country); null when it is not one.</summary>
    public string? Phone(string? text) => PhoneNumbers.ToE164(text, _region);

    /// <summary>The one service the text names, or the answer to give when it names none or several.</summary>
    public (Service? Service, ToolResult? Result) Service(string? text)
    {
        var matches = CatalogLookup.Services(profile, text);
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, new ToolResult("not_found", $"'{text}' is not on the menu. Services: {string.Join(", ", profile.Services.Select(s => s.Name))}.", new { reason = "unknown_service" })),
            _ => (null, new ToolResult("ambiguous", $"Ask which one: {string.Join(", ", matches.Select(s => s.Name))}.", new { options = matches.Select(s => s.Name) })),
        };
    }

    /// <summary>The provider the text names (null for none or "anyone"), or the answer to give when no one is called that.</summary>
    public (StaffMember? Staff, ToolResult? Result) Staff(string? text) =>
        Named(text, t => CatalogLookup.Staff(profile, t), "provider", "Providers", profile.Staff.Select(s => s.Name), "unknown_provider");

    /// <summary>The location the text names (null for none or "any"), or the answer to give when none is called that.</summary>
    public (Location? Location, ToolResult? Result) Location(string? text) =>
        Named(text, t => CatalogLookup.Location(profile, t), "location", "Locations", profile.Locations.Select(s => s.Name), "unknown_location");

    /// <summary>The provider and the location the texts name, or the answer to give for the first that names none (provider first).</summary>
    public (StaffMember? Staff, Location? Location, ToolResult? Result) StaffAndLocation(string? provider, string? location)
    {
        var staff = Staff(provider);
        if (staff.Result is not null)
        {
            return (null, null, staff.Result);
        }
        var loc = Location(location);
        return (staff.Staff, loc.Location, loc.Result);
    }

    private static (T? Found, ToolResult? Result) Named<T>(string? text, Func<string, T?> find, string kind, string others, IEnumerable<string> names, string reason)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text) || CatalogLookup.MeansAnyone(text))
        {
            return (null, null);
        }
        return find(text) is { } found
            ? (found, null)
            : (null, new ToolResult("not_found", $"No {kind} called '{text}'. {others}: {string.Join(", ", names)}.", new { reason }));
    }

    /// <summary>
    /// A window of days from two optional YYYY-MM-DD arguments, earliest first: the start defaults to <paramref name="today"/>,
    /// the end to the start, or to <paramref name="openDays"/> after it when neither was given. Result is the answer to give
    /// when a date does not parse.
    /// </summary>
    public static (DateOnly From, DateOnly To, ToolResult? Result) DateWindow(string? start, string? end, DateOnly today, int openDays = 0)
    {
        if (!TryDate(start, today, out var from) || !TryDate(end, string.IsNullOrWhiteSpace(start) && string.IsNullOrWhiteSpace(end) ? from.AddDays(openDays) : from, out var to))
        {
            return (default, default, new ToolResult("bad_argument", "Dates must be YYYY-MM-DD."));
        }
        return to < from ? (to, from, null) : (from, to, null);
    }

    /// <summary>A day as tools write it in results: YYYY-MM-DD.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);

    /// <summary>A YYYY-MM-DD date, or <paramref name="fallback"/> when none was given; false when it does not parse.</summary>
    public static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out date);
    }

    /// <summary>An HH:MM time, or null when none was given; false when it does not parse.</summary>
    public static bool TryTime(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], Inv, DateTimeStyles.None, out var t))
        {
            time = t;
            return true;
        }
        return false;
    }

    /// <summary>Narrows a start-time window by morning, afternoon or evening.</summary>
    public static (TimeOnly? After, TimeOnly? Before) ApplyTimeOfDay(string? timeOfDay, TimeOnly? after, TimeOnly? before) =>
        timeOfDay?.Trim().ToLowerInvariant() switch
        {
            "morning" => (after, Min(before, new TimeOnly(11, 59))),
            "afternoon" => (Max(after, new TimeOnly(12, 0)), Min(before, new TimeOnly(16, 59))),
            "evening" => (Max(after, new TimeOnly(17, 0)), before),
            _ => (after, before),
        };

    private static TimeOnly? Min(TimeOnly? a, TimeOnly b) => a is { } x && x < b ? x : b;
    private static TimeOnly? Max(TimeOnly? a, TimeOnly b) => a is { } x && x > b ? x : b;
}
