using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FrontDesk.Tools;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Languages;

/// <summary>
/// Wording of replies in the conversation's language. Read-backs, date windows, days, times and service names are
/// worded by the engine from the tools' values with the templates of <c>prompts/{language}/replies.yaml</c>
/// (<c>confirm_read_back</c>, <c>date_window</c>, <see cref="SpokenTime"/>, <c>name_es</c>); FAQ answers by
/// <see cref="FaqAnswer"/> from what they point at, opening hours by <see cref="Hours"/> from the FAQ tool's values.
/// Nothing is translated from the tools' English.
/// </summary>
public static partial class ReplyWording
{
    private static readonly string[] SpanishWeekdays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];

    /// <summary>
    /// A template value in <paramref name="language"/>: the profile's question of an FAQ entry in that language (a lookup,
    /// not a translation); every other value is returned as it is.
    /// </summary>
    public static string Localize(string value, string? language, SpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(profile);
        if (language is null || language == ConversationLanguage.English || value.Length == 0)
        {
            return value;
        }
        return profile.Faq.FirstOrDefault(f => string.Equals(f.Question, value, StringComparison.Ordinal)) is { } asked && asked.Questions.TryGetValue(language, out var question)
            ? question
            : value;
    }

    /// <summary>
    /// Opening hours on the days asked about, from the FAQ tool's values (<c>hours</c>: each location with its days, a
    /// day's <c>status</c> open, closed_weekday or closed_date, and its spans), worded with the <c>hours_*</c> templates of
    /// <paramref name="replies"/>: "Mission District is closed on Sundays. Marina is open Sunday 10 AM to 3 PM."
    /// </summary>
    public static string Hours(JsonElement hours, string? language, TextTemplates replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        string Fill(string name, params (string Key, string Value)[] values) => replies.Render(name, values.ToDictionary(v => v.Key, v => v.Value));
        var sentences = new List<string>();
        foreach (var location in hours.EnumerateArray())
        {
            var days = new List<string>();
            foreach (var day in location.GetProperty("days").EnumerateArray())
            {
                var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var spans = day.GetProperty("spans").EnumerateArray()
                    .Select(x => new TimeSpanOfDay(TimeOnly.Parse(x.GetProperty("start").GetString()!, CultureInfo.InvariantCulture), TimeOnly.Parse(x.GetProperty("end").GetString()!, CultureInfo.InvariantCulture)))
                    .ToList();
                days.Add(day.GetProperty("status").GetString() switch
                {
                    "closed_date" => Fill("hours_closed_date", ("day", SpokenTime.Day(date, language))),
                    "closed_weekday" => Fill("hours_closed_weekday", ("weekdays", Weekday(date.DayOfWeek, language, plural: true))),
                    _ => Fill("hours_open", ("weekday", Weekday(date.DayOfWeek, language, plural: false)), ("spans", Spans(spans, language, replies))),
                });
            }
            sentences.Add(OnePeriod(Fill("hours_on", ("location", location.GetProperty("location").GetString()!), ("days", string.Join("; ", days)))));
        }
        return string.Join(' ', sentences);
    }

    /// <summary>A location's hours for each day of the week, from the profile: "Horario de Marina: lunes cerrado; martes de 10 a. m. a 6 p. m.; …".</summary>
    private static string WeeklyHours(Location location, string? language, TextTemplates replies)
    {
        string Fill(string name, params (string Key, string Value)[] values) => replies.Render(name, values.ToDictionary(v => v.Key, v => v.Value));
        var days = Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Select(d => location.Hours.On(d) is { Count: > 0 } spans
            ? Fill("hours_week_open", ("weekday", Weekday(d, language, plural: false)), ("spans", Spans(spans, language, replies)))
            : Fill("hours_week_closed", ("weekday", Weekday(d, language, plural: false))));
        return OnePeriod(Fill("hours_week", ("location", location.Name), ("days", string.Join("; ", days))));
    }

    /// <summary>A sentence that ends on an abbreviation ("3 p. m.") takes no second period.</summary>
    private static string OnePeriod(string sentence) => DoublePeriod().Replace(sentence, ".");

    private static string Spans(IReadOnlyList<TimeSpanOfDay> spans, string? language, TextTemplates replies)
    {
        var said = spans.Select(x => replies.Render("hours_span", new Dictionary<string, string>
        {
            ["start"] = SpokenTime.Time(x.Start, language),
            ["end"] = SpokenTime.Time(x.End, language),
        })).ToList();
        return said.Count == 1 ? said[0]
            : replies.Render("hours_two_spans", new Dictionary<string, string> { ["first"] = string.Join(", ", said[..^1]), ["second"] = said[^1] });
    }

    /// <summary>A weekday's name, or its plural ("Sundays", "domingos", "lunes").</summary>
    private static string Weekday(DayOfWeek day, string? language, bool plural)
    {
        if (language == ConversationLanguage.Spanish)
        {
            var name = SpanishWeekdays[(int)day];
            return plural && !name.EndsWith('s') ? name + "s" : name;
        }
        var english = CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetDayName(day);
        return plural ? english + "s" : english;
    }

    /// <summary>
    /// The answer of an FAQ match in <paramref name="language"/>, worded from what the match points at rather than from its
    /// English text: the profile's FAQ entry (its <c>a_es</c>), a policy (its Spanish text), or a fact of the profile
    /// (a service, address, phone, a location's weekly hours) filled into the <c>fact_*</c> and <c>hours_*</c> templates of
    /// <paramref name="replies"/>. Hours on given days are worded by <see cref="Hours"/>.
    /// </summary>
    /// <param name="id">The match's id.</param>
    /// <param name="source">Its source: <c>faq</c> or <c>profile:{kind}:{id}</c>.</param>
    /// <param name="answer">The tool's (English) answer.</param>
    /// <param name="language">The conversation's language.</param>
    /// <param name="profile">The spa profile.</param>
    /// <param name="replies">The reply templates in <paramref name="language"/>.</param>
    public static string FaqAnswer(string id, string source, string answer, string? language, SpaProfile profile, TextTemplates replies)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(replies);
        var parts = source.Split(':', 3);
        string Fill(string name, params (string Key, string Value)[] values) => replies.Render(name, values.ToDictionary(v => v.Key, v => v.Value));
        switch (parts)
        {
            case ["faq"]:
                return profile.Faq.FirstOrDefault(f => f.Id == id)?.AnswerIn(language) ?? answer;
            case ["profile", "policy", var kind]:
                return language is null || language == ConversationLanguage.English ? answer : profile.Policies.TextIn(kind, language) ?? answer;
            case ["profile", "service", var serviceId] when profile.FindService(serviceId) is { } s:
                var price = s.Price is { } p && p > 0 ? " " + Fill(s.PriceFrom ? "fact_price_from" : "fact_price", ("money", FaqIndex.FormatMoney(p, profile.Spa.Currency)))
                    : s.Price == 0 ? " " + Fill("fact_price_free") : "";
                // Who decides and who may have it, as listed (round 21: "i'm 19 and i was wondering about lips"): never advice.
                price += (s.RequiresConsultation ? " " + Fill("fact_consultation_first") : "")
                    + (s.MinAge is { } age ? " " + Fill("fact_min_age", ("age", age.ToString(CultureInfo.InvariantCulture))) : "");
                var minutes = s.DurationMin.ToString(CultureInfo.InvariantCulture);
                if (language is not null && language != ConversationLanguage.English && s.Description is not null && !s.Descriptions.ContainsKey(language))
                {
                    // No description in this language (description_es): the profile's own, said to be in English, not passed off as Spanish.
                    return Fill("fact_service_description_in_english", ("name", s.NameIn(language)), ("description", s.Description),
                        ("minutes", minutes), ("price", price));
                }
                return Fill("fact_service", ("name", s.NameIn(language)), ("description", s.DescriptionIn(language) ?? s.Category),
                    ("minutes", minutes), ("price", price));
            case ["profile", "category", var category] when profile.Services.Where(x => x.Category == category).ToList() is { Count: > 0 } kind:
                return Fill("fact_category", ("category", category), ("services", string.Join(", ", kind.Select(x => x.NameIn(language)))));
            case ["profile", "staff", _] when FaqIndex.StaffWithTitles(profile.Staff) is { Length: > 0 } titled:
                return Fill("fact_staff", ("staff", titled));
            case ["profile", "staff-for", var ids] when ProviderQuestion.Givers(profile, ids.Split(',').ToHashSet(StringComparer.Ordinal), language) is { Count: > 0 } givers:
                // Who gives the treatments asked about, a group per set of providers (round 23).
                return string.Join(" ", givers.Select(g => Fill(
                    g.Services.Count == 1 ? (g.Staff.Count == 1 ? "fact_staff_for_one_by_one" : "fact_staff_for_one_by_many")
                        : g.Staff.Count == 1 ? "fact_staff_for_many_by_one" : "fact_staff_for_many_by_many",
                    ("services", List(g.Services, "list_and", Fill)), ("staff", List([.. g.Staff.Select(m => $"{m.Name} ({m.Title})")], "list_and", Fill)))));
            case ["profile", "for", var ids] when ids.Split(',').Select(profile.FindService).OfType<Service>().ToList() is { Count: > 0 } forIt:
                // What the menu has for a concern (round 27): each service with its description where the profile has it in
                // this language, its name alone otherwise.
                return Fill("fact_services_for", ("services", List([.. forIt.Select(x => x.DescriptionIn(language) is { } d && (language is null || language == ConversationLanguage.English || x.Descriptions.ContainsKey(language))
                    ? $"{x.NameIn(language)} ({d.TrimEnd('.')})" : x.NameIn(language))], "list_and", Fill)));
            case ["profile", "horizon", var days]:
                return Fill("fact_horizon", ("days", days));
            case ["profile", "hours", var locationId] when profile.FindLocation(locationId) is { } l:
                return WeeklyHours(l, language, replies);
            case ["profile", "address", var locationId] when profile.FindLocation(locationId) is { Address: { } address } l:
                return Fill("fact_address", ("location", l.Name), ("address", address));
            case ["profile", "phone", var locationId] when profile.FindLocation(locationId) is { Phone: { } phone } l:
                var national = PhoneNumbers.ToNational(phone, PhoneNumbers.RegionOf(profile.DefaultLocation.Phone)) ?? phone;
                return Fill("fact_phone", ("location", l.Name), ("phone", national));
            default:
                return answer;
        }
    }

    /// <summary>
    /// "a or b", "a, b, or c": <paramref name="list"/> is <c>list_or</c> or <c>list_and</c> (with its <c>_two</c> form for two
    /// items); <c>list_separator</c> joins the rest. <paramref name="render"/> fills a template of the conversation's language.
    /// </summary>
    public static string List(IReadOnlyList<string> items, string list, Func<string, (string Key, string Value)[], string> render)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(render);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            2 => render(list + "_two", [("first", items[0]), ("last", items[1])]),
            _ => render(list, [("first", items.Take(items.Count - 1).Aggregate((a, b) => render("list_separator", [("first", a), ("next", b)]))), ("last", items[^1])]),
        };
    }

    /// <summary>Final touches to a rendered reply in <paramref name="language"/> ("a las mediodía" → "al mediodía", "a las 1" → "a la 1").</summary>
    public static string Tidy(string reply, string? language)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (language != ConversationLanguage.Spanish)
        {
            return reply;
        }
        var s = reply.Replace("a las mediodía", "al mediodía", StringComparison.Ordinal);
        s = OneOClock().Replace(s, "a la 1");
        return DoubleArticle().Replace(s, "el ");
    }

    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)", RegexOptions.CultureInvariant)]
    private static partial Regex DoublePeriod();

    [GeneratedRegex(@"\bel el ", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleArticle();

    [GeneratedRegex(@"\ba las 1(?=[ :,.])", RegexOptions.CultureInvariant)]
    private static partial Regex OneOClock();
}
