using System.Globalization;
using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Understanding;

/// <summary>A bookable service as callers may name it.</summary>
/// <param name="Id">The profile's service id.</param>
/// <param name="Name">The display name, e.g. "Swedish Massage (60 min)".</param>
/// <param name="Aliases">Other words callers use for it.</param>
/// <param name="Category">Free-text category shared by similar services, e.g. "massage".</param>
/// <param name="DurationMinutes">Length of the service; when null it is read from the name ("(60 min)", "90-Minute").</param>
public sealed record ServiceTerm(string Id, string Name, IReadOnlyList<string> Aliases, string Category, int? DurationMinutes = null)
{
    /// <summary>The names and aliases in other languages (<c>name_es</c>, <c>aliases_es</c>), also among <see cref="Aliases"/>.</summary>
    public IReadOnlyList<string> LocalNames { get; init; } = [];
}

/// <summary>A staff member (provider) as callers may name them.</summary>
/// <param name="Id">The profile's staff id.</param>
/// <param name="Name">Full name, e.g. "Maya Chen".</param>
public sealed record PersonTerm(string Id, string Name);

/// <summary>A location of the business.</summary>
/// <param name="Id">The profile's location id.</param>
/// <param name="Name">Display name, e.g. "Downtown".</param>
/// <param name="City">The city it is in, from its address ("San Francisco"); null when the address does not say.</param>
public sealed record PlaceTerm(string Id, string Name, string? City = null);

/// <summary>
/// The business's own words (services, staff, locations), loaded at run time from its profile and
/// pre-processed once so the matchers do no per-call set-up. Immutable and safe to share between threads.
/// </summary>
public sealed partial class SpaVocabulary
{
    private readonly int?[] _durations;

    /// <summary>Builds the vocabulary; duplicate ids are allowed but pointless.</summary>
    public SpaVocabulary(IEnumerable<ServiceTerm> services, IEnumerable<PersonTerm> staff, IEnumerable<PlaceTerm> locations)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(locations);
        Services = [.. services];
        Staff = [.. staff];
        Locations = [.. locations];
        Categories = [.. Services.Select(s => s.Category.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

        _durations = [.. Services.Select(s => s.DurationMinutes ?? DurationIn(s.Name))];

        var services1 = new PhraseIndex(Services.Count);
        for (var i = 0; i < Services.Count; i++)
        {
            var s = Services[i];
            services1.AddPhrase(i, s.Name);
            foreach (var alias in s.Aliases ?? [])
            {
                services1.AddPhrase(i, alias);
            }
        }

        foreach (var category in Categories)
        {
            var members = Enumerable.Range(0, Services.Count)
                .Where(i => string.Equals(Services[i].Category.Trim(), category, StringComparison.OrdinalIgnoreCase));
            services1.AddGroup(category, members);
        }

        services1.Build();
        ServiceIndex = services1;

        var people = new PhraseIndex(Staff.Count);
        for (var i = 0; i < Staff.Count; i++)
        {
            people.AddPhrase(i, Staff[i].Name);
            // First name or surname alone is how callers ask for someone.
            foreach (var part in Staff[i].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                people.AddPhrase(i, part);
            }
        }

        people.Build();
        StaffIndex = people;

        var places = new PhraseIndex(Locations.Count);
        for (var i = 0; i < Locations.Count; i++)
        {
            places.AddPhrase(i, Locations[i].Name);
            places.AddPhrase(i, Locations[i].Id.Replace('-', ' '));
            // "the oak one" for "Oak Plaza": a word no other location shares names the place by itself.
            foreach (var part in Locations[i].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                places.AddPhrase(i, part);
            }
        }

        places.Build();
        LocationIndex = places;
    }

    /// <summary>The services, in profile order.</summary>
    public IReadOnlyList<ServiceTerm> Services { get; }

    /// <summary>The staff, in profile order.</summary>
    public IReadOnlyList<PersonTerm> Staff { get; }

    /// <summary>The locations, in profile order.</summary>
    public IReadOnlyList<PlaceTerm> Locations { get; }

    /// <summary>Distinct service categories, in order of first appearance.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>An empty vocabulary (no services, staff or locations).</summary>
    public static SpaVocabulary Empty { get; } = new([], [], []);

    internal PhraseIndex ServiceIndex { get; }

    internal PhraseIndex StaffIndex { get; }

    internal PhraseIndex LocationIndex { get; }

    /// <summary>The service's length in minutes, from the record or its name; null when unknown.</summary>
    public int? DurationOf(ServiceTerm service)
    {
        ArgumentNullException.ThrowIfNull(service);
        for (var i = 0; i < Services.Count; i++)
        {
            if (ReferenceEquals(Services[i], service))
            {
                return _durations[i];
            }
        }

        return service.DurationMinutes ?? DurationIn(service.Name);
    }

    internal int? DurationAt(int serviceIndex) => _durations[serviceIndex];

    /// <summary>Reads "60 min", "90-minute", "1 hour", "1.5 hrs", "an hour", "half an hour" as minutes.</summary>
    internal static int? DurationIn(string text) => FindDuration(text)?.Minutes;

    internal static (int Minutes, TextSpan Span)? FindDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var amount = m.Groups["n"].Value.ToLowerInvariant();
        var unit = m.Groups["u"].Value.ToLowerInvariant();
        var isHour = unit.StartsWith('h');
        double value = amount switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "half" or "half an" or "half a" => 0.5,
            "thirty" => 30,
            "forty five" or "forty-five" or "fortyfive" => 45,
            "sixty" => 60,
            "ninety" => 90,
            _ => double.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0,
        };
        if (value <= 0)
        {
            return null;
        }

        var minutes = isHour ? value * 60 : value;
        if (isHour && m.Groups["half"].Success)
        {
            minutes += 30;
        }

        var total = (int)Math.Round(minutes);
        return total is >= 5 and <= 600 ? (total, new TextSpan(m.Index, m.Length)) : null;
    }

    [GeneratedRegex(@"(?<![\w.])(?<n>\d{1,3}(?:\.\d)?|an?|one|two|half an?|half|thirty|forty[- ]?five|sixty|ninety)\s*-?\s*(?<u>minutes?|mins?|hours?|hrs?)\b(?<half>\s+and\s+a\s+half)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
