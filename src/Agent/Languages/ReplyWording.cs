using System.Text.RegularExpressions;
using FrontDesk.Tools.Profile;

namespace FrontDesk.Agent.Languages;

/// <summary>
/// Puts the values a reply template is filled with into the conversation's language. The tools word days, times and
/// read-backs in English ("Friday, November 27", "2:30 PM", "Swedish Massage with Maya Chen on … at …"); in a Spanish
/// conversation they become "viernes 27 de noviembre", "2:30 p. m." and "… con Maya Chen el … a las … en …", service
/// names become the profile's Spanish names (name_es) where it has them, and FAQ answers its Spanish answers (a_es).
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
        if (profile.Faq.FirstOrDefault(f => string.Equals(f.Answer, value, StringComparison.Ordinal)) is { } faq)
        {
            return faq.AnswerIn(language);
        }
        if (profile.Faq.FirstOrDefault(f => string.Equals(f.Question, value, StringComparison.Ordinal)) is { } asked && asked.Questions.TryGetValue(language, out var question))
        {
            return question;
        }
        if (value == profile.Policies.Cancellation && profile.Policies.TextIn("cancellation", language) is { } cancellation)
        {
            return cancellation;
        }
        if (value == profile.Policies.Deposit && profile.Policies.TextIn("deposit", language) is { } deposit)
        {
            return deposit;
        }
        var s = ReadBack().Replace(value, "${service} con ${staff} el ${day} a las ${time} en ${location}");
        // The facts the FAQ reads from the profile (src/Tools/Faq/FaqIndex.cs ProfileFacts), in their English shapes.
        s = ServiceFact().Replace(s, m => $"{m.Groups["name"].Value}: {m.Groups["desc"].Value} Dura {m.Groups["n"].Value} minutos." +
            (m.Groups["from"].Success ? (m.Groups["from"].Value == "Prices start at" ? " Desde " : " El precio es ") + m.Groups["money"].Value + "." : ""));
        s = OpenHours().Replace(s, "${loc} abre: ${rest}.");
        s = HoursSpan().Replace(s, m => $"{Days[m.Groups["w"].Value]} de {m.Groups["a"].Value} a {m.Groups["b"].Value}");
        s = ClosedDay().Replace(s, m => $"{Days[m.Groups["w"].Value]} cerrado");
        s = AddressFact().Replace(s, "${loc} está en ${address}.");
        s = PhoneFact().Replace(s, "Puede comunicarse con ${loc} al ${phone}.");
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

    [GeneratedRegex(@"^(?<name>[^:]+): (?<desc>.*?) ?It takes (?<n>\d+) minutes\.(?: (?<from>Prices start at|The price is) (?<money>\S+?)\.)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceFact();

    [GeneratedRegex(@"^(?<loc>.+?) is open (?<rest>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) .*)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenHours();

    [GeneratedRegex(@"\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (?<a>\d{1,2}(?::\d\d)? [AP]M|noon) to (?<b>\d{1,2}(?::\d\d)? [AP]M|noon)", RegexOptions.CultureInvariant)]
    private static partial Regex HoursSpan();

    [GeneratedRegex(@"\b(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) closed\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedDay();

    [GeneratedRegex(@"^(?<loc>.+?) is at (?<address>.+)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressFact();

    [GeneratedRegex(@"^You can reach (?<loc>.+?) at (?<phone>\+?[\d ()-]+)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneFact();

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
