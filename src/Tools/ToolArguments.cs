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
            0 => (null, new ToolResult("not_found", $"'{text}' is not on the menu. Services: {string.Join(", ", profile.Services.Select(s => s.Name))}.")),
            _ => (null, new ToolResult("ambiguous", $"Ask which one: {string.Join(", ", matches.Select(s => s.Name))}.", new { options = matches.Select(s => s.Name) })),
        };
    }

    /// <summary>The provider the text names (null for none or "anyone"), or the answer to give when no one is called that.</summary>
    public (StaffMember? Staff, ToolResult? Result) Staff(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || CatalogLookup.MeansAnyone(text))
        {
            return (null, null);
        }
        var staff = CatalogLookup.Staff(profile, text);
        return staff is null
            ? (null, new ToolResult("not_found", $"No provider called '{text}'. Providers: {string.Join(", ", profile.Staff.Select(s => s.Name))}."))
            : (staff, null);
    }

    /// <summary>The location the text names (null for none or "any"), or the answer to give when none is called that.</summary>
    public (Location? Location, ToolResult? Result) Location(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || CatalogLookup.MeansAnyone(text))
        {
            return (null, null);
        }
        var location = CatalogLookup.Location(profile, text);
        return location is null
            ? (null, new ToolResult("not_found", $"No location called '{text}'. Locations: {string.Join(", ", profile.Locations.Select(s => s.Name))}."))
            : (location, null);
    }

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
