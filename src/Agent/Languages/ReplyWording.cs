using System.Globalization;
using System.Text.RegularExpressions;
using FrontDesk.Tools;
using FrontDesk.Tools.Faq;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;

namespace FrontDesk.Agent.Languages;

/// <summary>
/// Puts the values a reply template is filled with into the conversation's language. The tools word days, times and
/// read-backs in English ("Friday, November 27", "2:30 PM", "Swedish Massage with Maya Chen on … at …"); in a Spanish
/// conversation they become "viernes 27 de noviembre", "2:30 p. m." and "… con Maya Chen el … a las … en …", and service
/// names become the profile's Spanish names (name_es) where it has them. FAQ answers are not translated here:
/// <see cref="FaqAnswer"/> words them from what they point at (the FAQ entry, a policy, a fact of the profile).
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

    /// <summary>A template value in <paramref name="language"/>; English values are returned as they are.</summary>
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
        var s = ReadBack().Replace(value, "${service} con ${staff} el ${day} a las ${time} en ${location}");
        // Opening hours as the FAQ tool words them for given days (FaqIndex.HoursOn); the other facts are worded by FaqAnswer.
        s = OpenHours().Replace(s, "${loc} abre: ${rest}.");
        s = HoursSpan().Replace(s, m => $"{Days[m.Groups["w"].Value]} de {m.Groups["a"].Value} a {m.Groups["b"].Value}");
        s = ClosedDay().Replace(s, m => $"{Days[m.Groups["w"].Value]} cerrado");
        s = Window().Replace(s, "del ${from} al ${to}");
        s = DayName().Replace(s, m => $"{Days[m.Groups["w"].Value]} {m.Groups["d"].Value} de {Months[m.Groups["m"].Value]}");
        s = Clock().Replace(s, m => $"{m.Groups["t"].Value} {(m.Groups["ap"].Value == "AM" ? "a. m." : "p. m.")}");
        s = Noon().Replace(s, "mediodía");
        foreach (var service in profile.Services.Where(x => x.Names.ContainsKey(language)).OrderByDescending(x => x.Name.Length))
        {
            s = s.Replace(service.Name, service.NameIn(language), StringComparison.Ordinal);
        }
        return s;
    }

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

    [GeneratedRegex(@"^(?<service>.+?) with (?<staff>.+?) on (?<day>\w+, \w+ \d{1,2}) at (?<time>\d{1,2}(?::\d\d)? [AP]M|noon) at (?<location>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReadBack();

    [GeneratedRegex(@"^(?<loc>.+?) is open (?<rest>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) .*)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenHours();

    [GeneratedRegex(@"\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?<a>\d{1,2}(?::\d\d)? [AP]M|noon) to (?<b>\d{1,2}(?::\d\d)? [AP]M|noon)", RegexOptions.CultureInvariant)]
    private static partial Regex HoursSpan();

    [GeneratedRegex(@"\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) closed\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedDay();

    [GeneratedRegex(@"^(?<from>\w+, \w+ \d{1,2}) to (?<to>\w+, \w+ \d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Window();

    [GeneratedRegex(@"\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<m>January|February|March|April|May|June|July|August|September|October|November|December) (?<d>\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayName();

    [GeneratedRegex(@"\b(?<t>\d{1,2}(?::\d\d)?) (?<ap>AM|PM)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\bnoon\b", RegexOptions.CultureInvariant)]
    private static partial Regex Noon();

    [GeneratedRegex(@"\bel el ", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleArticle();

    [GeneratedRegex(@"\ba las 1(?=[ :,.])", RegexOptions.CultureInvariant)]
    private static partial Regex OneOClock();
}
