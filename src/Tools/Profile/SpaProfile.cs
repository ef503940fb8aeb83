namespace FrontDesk.Tools.Profile;

/// <summary>One business, as described by its profile file (shared/spa-profile.md, version 1).</summary>
public sealed class SpaProfile
{
    /// <summary>Creates a profile; use <see cref="SpaProfileLoader"/> to read one from YAML.</summary>
    public SpaProfile(
        SpaInfo spa,
        IReadOnlyList<Location> locations,
        IReadOnlyList<Service> services,
        IReadOnlyList<StaffMember> staff,
        Policies policies,
        IReadOnlyList<FaqEntry> faq,
        EscalationContacts escalation,
        IReadOnlyList<SampleClient> clients,
        string sourcePath)
    {
        Spa = spa;
        Locations = locations;
        Services = services;
        Staff = staff;
        Policies = policies;
        Faq = faq;
        Escalation = escalation;
        Clients = clients;
        SourcePath = sourcePath;
        _locations = locations.ToDictionary(l => l.Id, StringComparer.Ordinal);
        _services = services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _staff = staff.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Location> _locations;
    private readonly Dictionary<string, Service> _services;
    private readonly Dictionary<string, StaffMember> _staff;

    /// <summary>Business-wide facts.</summary>
    public SpaInfo Spa { get; }
    /// <summary>Locations, in profile order.</summary>
    public IReadOnlyList<Location> Locations { get; }
    /// <summary>The service menu, in profile order.</summary>
    public IReadOnlyList<Service> Services { get; }
    /// <summary>Providers.</summary>
    public IReadOnlyList<StaffMember> Staff { get; }
    /// <summary>Booking and cancellation policies.</summary>
    public Policies Policies { get; }
    /// <summary>Questions and answers the agent may quote.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; }
    /// <summary>Where staff hear about escalations.</summary>
    public EscalationContacts Escalation { get; }
    /// <summary>Sample clients for demos and tests.</summary>
    public IReadOnlyList<SampleClient> Clients { get; }
    /// <summary>The file this profile was read from.</summary>
    public string SourcePath { get; }

    /// <summary>The spa's time zone.</summary>
    public TimeZoneInfo TimeZone => Spa.TimeZone;

    /// <summary>Finds a location by id.</summary>
    public Location? FindLocation(string? id) => id is not null && _locations.TryGetValue(id, out var l) ? l : null;
    /// <summary>Finds a service by id.</summary>
    public Service? FindService(string? id) => id is not null && _services.TryGetValue(id, out var s) ? s : null;
    /// <summary>Finds a staff member by id.</summary>
    public StaffMember? FindStaff(string? id) => id is not null && _staff.TryGetValue(id, out var s) ? s : null;

    /// <summary>The location whose phone number is <paramref name="e164"/>, if any.</summary>
    public Location? FindLocationByPhone(string? e164) =>
        e164 is null ? null : Locations.FirstOrDefault(l => string.Equals(l.Phone, e164, StringComparison.Ordinal));

    /// <summary>The location used when the channel does not say (the first one).</summary>
    public Location DefaultLocation => Locations[0];

    /// <summary>Locations where the service is offered.</summary>
    public IEnumerable<Location> LocationsOffering(Service service) =>
        service.LocationIds.Count == 0 ? Locations : Locations.Where(l => service.LocationIds.Contains(l.Id));

    /// <summary>Converts an instant to the spa's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>Today's date in the spa's zone.</summary>
    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));
}

/// <summary>Business-wide facts.</summary>
/// <param name="Name">What the agent calls the business.</param>
/// <param name="TimeZoneId">IANA zone id.</param>
/// <param name="TimeZone">The resolved zone.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Website">Optional public website.</param>
/// <param name="AiDisclosure">Said at the start of every call and chat.</param>
public sealed record SpaInfo(string Name, string TimeZoneId, TimeZoneInfo TimeZone, string Currency, string? Website, string AiDisclosure)
{
    /// <summary>Every language the product speaks, English first ("en", "es").</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["en", "es"];

    /// <summary>The languages this business serves (the profile's optional <c>languages</c>; all supported ones when absent).</summary>
    public IReadOnlyList<string> Languages { get; init; } = SupportedLanguages;

    /// <summary>The AI disclosure in other languages (<c>ai_disclosure_es</c>), by language code.</summary>
    public IReadOnlyDictionary<string, string> Disclosures { get; init; } = new Dictionary<string, string>();

    /// <summary>The AI disclosure in a language, or the profile's own when it has none in that language.</summary>
    public string DisclosureIn(string? language) => language is not null && Disclosures.TryGetValue(language, out var text) ? text : AiDisclosure;
}

/// <summary>A place clients visit.</summary>
public sealed record Location(
    string Id,
    string Name,
    string? Address,
    string? Phone,
    WeeklyHours Hours,
    IReadOnlyList<DateOnly> Closures,
    IReadOnlyList<Room> Rooms);

/// <summary>A treatment room of a type services ask for.</summary>
public sealed record Room(string Id, string Type);

/// <summary>A service on the menu.</summary>
public sealed record Service(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Category,
    int DurationMin,
    int BufferMin,
    decimal? Price,
    bool PriceFrom,
    string RoomType,
    IReadOnlyList<string> LocationIds,
    bool RequiresConsultation,
    string? ConsultationServiceId,
    int? MinAge,
    IReadOnlyList<string> Contraindications,
    string? Description)
{
    /// <summary>How long the service occupies its provider and room, buffer included.</summary>
    public TimeSpan BlockedDuration => TimeSpan.FromMinutes(DurationMin + BufferMin);

    /// <summary>The name in other languages (<c>name_es</c>), by language code.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>Other words callers use in languages other than the profile's (<c>aliases_es</c>).</summary>
    public IReadOnlyList<string> LocalAliases { get; init; } = [];

    /// <summary>The name in a language, or the profile's name when it has none in that language.</summary>
    public string NameIn(string? language) => language is not null && Names.TryGetValue(language, out var name) ? name : Name;

    /// <summary>The description in other languages (<c>description_es</c>), by language code.</summary>
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The description in a language, or the profile's own when it has none in that language.</summary>
    public string? DescriptionIn(string? language) => language is not null && Descriptions.TryGetValue(language, out var text) ? text : Description;
}

/// <summary>A provider.</summary>
public sealed record StaffMember(
    string Id,
    string Name,
    string? Title,
    IReadOnlyList<string> ServiceIds,
    IReadOnlyDictionary<string, WeeklyHours> Schedule,
    IReadOnlyList<DateOnly> TimeOff)
{
    /// <summary>
    /// How the provider is named when speaking: the first name, or a title with the last name ("Dr. Kim" for
    /// "Dr. Helen Kim"), never a title alone.
    /// </summary>
    public string FirstName => SpokenName(Name);

    /// <summary>A full name as spoken: the first name, or a title with the last name ("Dr. Helen Kim" → "Dr. Kim").</summary>
    public static string SpokenName(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => fullName,
            > 1 when Titles.Contains(words[0].TrimEnd('.')) => words[0] + " " + words[^1],
            _ => words[0],
        };
    }

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "Dr", "Doctor", "Prof", "Mr", "Mrs", "Ms", "Mx", "Nurse" };
}

/// <summary>Policies; every value has the default the format gives.</summary>
public sealed record Policies(
    int BookingLeadTimeMin,
    int BookingHorizonDays,
    string? Cancellation,
    int LateCancelHours,
    string? Deposit,
    int WaitlistOfferMinutes)
{
    /// <summary>The cancellation and deposit texts in other languages (<c>cancellation_es</c>, <c>deposit_es</c>), by field and language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>A policy text in a language, or null when the profile has none in it.</summary>
    public string? TextIn(string field, string language) =>
        Translations.TryGetValue(field, out var byLanguage) && byLanguage.TryGetValue(language, out var text) ? text : null;
}

/// <summary>A question and answer the agent may quote.</summary>
public sealed record FaqEntry(string Id, string Question, string Answer, IReadOnlyList<string> Tags)
{
    /// <summary>The question in other languages (<c>q_es</c>), by language code.</summary>
    public IReadOnlyDictionary<string, string> Questions { get; init; } = new Dictionary<string, string>();

    /// <summary>The answer in other languages (<c>a_es</c>), by language code.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    /// <summary>The answer in a language, or the profile's answer when it has none in that language.</summary>
    public string AnswerIn(string? language) => language is not null && Answers.TryGetValue(language, out var text) ? text : Answer;
}

/// <summary>Where staff hear about escalations.</summary>
public sealed record EscalationContacts(string? TeamsWebhookEnv, string? OnCallPhone, string? TransferPhone);

/// <summary>A sample client for demos and tests.</summary>
public sealed record SampleClient(
    string Id,
    string Name,
    string Phone,
    string? Email,
    IReadOnlyList<string> Preferences,
    IReadOnlyList<string> HealthFlags,
    bool SmsConsent,
    bool MarketingConsent);

/// <summary>A span of wall-clock time within one day.</summary>
public readonly record struct TimeSpanOfDay(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether the span covers [start, end).</summary>
    public bool Covers(TimeOnly start, TimeOnly end) => start >= Start && end <= End && end > start;

    /// <inheritdoc/>
    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}

/// <summary>Opening hours or a schedule: spans per weekday; a missing day is closed.</summary>
public sealed class WeeklyHours
{
    private readonly IReadOnlyList<TimeSpanOfDay>[] _days;

    /// <summary>Creates weekly hours from spans per day.</summary>
    public WeeklyHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeSpanOfDay>> days)
    {
        _days = new IReadOnlyList<TimeSpanOfDay>[7];
        for (var d = 0; d < 7; d++)
        {
            _days[d] = days.TryGetValue((DayOfWeek)d, out var spans) ? spans : [];
        }
    }

    /// <summary>The spans on a weekday (empty when closed).</summary>
    public IReadOnlyList<TimeSpanOfDay> On(DayOfWeek day) => _days[(int)day];

    /// <summary>Whether some span covers the whole of [start, end) on that day.</summary>
    public bool Covers(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        foreach (var span in _days[(int)day])
        {
            if (span.Covers(start, end))
            {
                return true;
            }
        }
        return false;
    }
}
