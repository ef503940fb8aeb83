using System.Globalization;
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
/// <see cref="FaqAnswer"/> from what they point at. One thing is still translated from the tool's English here: the
/// opening hours the FAQ tool words for given days ("Mission District is open Friday 9 AM to 7 PM."), because that
/// tool (src/Tools/Faq) words them without knowing the conversation's language (docs/channels-spanish.md).
/// </summary>
public static partial class ReplyWording
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.Ordinal)
    {
        ["Monday"] = "lunes", ["Tuesday"] = "martes", ["Wednesday"] = "miércoles", ["Thursday"] = "jueves",
        ["Friday"] = "viernes", ["Saturday"] = "sábado", ["Sunday"] = "domingo",
    };

    private static readonly Dictionary<string, string> Months = new(StringComparer.Ordinal)
    {
        ["January"] = "enero", ["February"] = "febrero", ["March"] = "marzo", ["April"] = "abril", ["May"] = "mayo", ["June"] = "junio",
        ["July"] = "julio", ["August"] = "agosto", ["September"] = "septiembre", ["October"] = "octubre", ["November"] = "noviembre",
        ["December"] = "diciembre",
    };

    /// <summary>
    /// A template value in <paramref name="language"/>: the profile's question of an FAQ entry in that language, or the
    /// FAQ tool's opening hours for given days; every other value is returned as it is.
    /// </summary>
    public static string Localize(string value, string? language, SpaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(profile);
        if (language != ConversationLanguage.Spanish || value.Length == 0)
        {
            return value;
        }
        if (profile.Faq.FirstOrDefault(f => string.Equals(f.Question, value, StringComparison.Ordinal)) is { } asked && asked.Questions.TryGetValue(language, out var question))
        {
            return question;
        }
        if (!HoursAnswer().IsMatch(value))
        {
            return value;
        }
        // Opening hours as the FAQ tool words them for given days (FaqIndex.HoursOn, the faq_hours_* wording of
        // prompts/messages.yaml): "{location} is open {weekday} {start} to {end}; closed on {weekday}s; closed on {day}."
        var s = ClosedWeekly().Replace(value, m => $"cierra los {Plural(Days[m.Groups["w"].Value])}");
        s = ClosedDate().Replace(s, m => $"cierra el {Days[m.Groups["w"].Value]} {m.Groups["d"].Value} de {Months[m.Groups["m"].Value]}");
        s = OpenDay().Replace(s, m => $"abre el {Days[m.Groups["w"].Value]} ");
        s = IsBeforeVerb().Replace(s, "");
        s = HoursSpan().Replace(s, "de ${a} a ${b}");
        s = s.Replace(" and de ", " y de ", StringComparison.Ordinal);
        s = Clock().Replace(s, m => $"{m.Groups["t"].Value} {(m.Groups["ap"].Value == "AM" ? "a. m." : "p. m.")}");
        // "… 3 p. m." ends the sentence with its own period.
        return Noon().Replace(s, "mediodía").Replace(" m..", " m.", StringComparison.Ordinal);
    }

    private static string Plural(string day) => day.EndsWith('s') ? day : day + "s";

    /// <summary>
    /// The answer of an FAQ match in <paramref name="language"/>, worded from what the match points at rather than from its
    /// English text: the profile's FAQ entry (its <c>a_es</c>), a policy (its Spanish text), or a fact of the profile
    /// (a service, address, phone) filled into the <c>fact_*</c> templates of <paramref name="replies"/>. A match of another
    /// kind keeps the tool's text: opening hours (the tool words them for the days asked about) and service categories.
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
                return Fill("fact_service", ("name", s.NameIn(language)), ("description", s.Description ?? s.Category),
                    ("minutes", s.DurationMin.ToString(CultureInfo.InvariantCulture)), ("price", price));
            case ["profile", "address", var locationId] when profile.FindLocation(locationId) is { Address: { } address } l:
                return Fill("fact_address", ("location", l.Name), ("address", address));
            case ["profile", "phone", var locationId] when profile.FindLocation(locationId) is { Phone: { } phone } l:
                var national = PhoneNumbers.ToNational(phone, PhoneNumbers.RegionOf(profile.DefaultLocation.Phone)) ?? phone;
                return Fill("fact_phone", ("location", l.Name), ("phone", national));
            default:
                return answer;
        }
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

    [GeneratedRegex(@"\bis (?:open|closed) ", RegexOptions.CultureInvariant)]
    private static partial Regex HoursAnswer();

    [GeneratedRegex(@"\bclosed on (?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedWeekly();

    [GeneratedRegex(@"\bclosed on (?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<m>January|February|March|April|May|June|July|August|September|October|November|December) (?<d>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedDate();

    [GeneratedRegex(@"\bopen (?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) ", RegexOptions.CultureInvariant)]
    private static partial Regex OpenDay();

    [GeneratedRegex(@"\bis (?=abre |cierra )", RegexOptions.CultureInvariant)]
    private static partial Regex IsBeforeVerb();

    [GeneratedRegex(@"(?<a>\d{1,2}(?::\d\d)? [AP]M|noon) to (?<b>\d{1,2}(?::\d\d)? [AP]M|noon)", RegexOptions.CultureInvariant)]
    private static partial Regex HoursSpan();

    [GeneratedRegex(@"\b(?<t>\d{1,2}(?::\d\d)?) (?<ap>AM|PM)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\bnoon\b", RegexOptions.CultureInvariant)]
    private static partial Regex Noon();

    [GeneratedRegex(@"\bel el ", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleArticle();

    [GeneratedRegex(@"\ba las 1(?=[ :,.])", RegexOptions.CultureInvariant)]
    private static partial Regex OneOClock();
}
