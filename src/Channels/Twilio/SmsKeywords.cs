using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Channels.Twilio;

/// <summary>What an inbound SMS keyword asks for.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword: an ordinary message.</summary>
    None,

    /// <summary>STOP and friends: record the opt-out and send nothing more until START.</summary>
    OptOut,

    /// <summary>START, YES, UNSTOP: the number may be messaged again.</summary>
    OptIn,

    /// <summary>HELP or INFO.</summary>
    Help,
}

/// <summary>Recognises Twilio's standard SMS keywords.</summary>
public static partial class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.OptOut,
        ["STOPALL"] = SmsKeyword.OptOut,
        ["UNSUBSCRIBE"] = SmsKeyword.OptOut,
        ["CANCEL"] = SmsKeyword.OptOut,
        ["END"] = SmsKeyword.OptOut,
        ["QUIT"] = SmsKeyword.OptOut,
        ["START"] = SmsKeyword.OptIn,
        ["YES"] = SmsKeyword.OptIn,
        ["UNSTOP"] = SmsKeyword.OptIn,
        ["HELP"] = SmsKeyword.Help,
        ["INFO"] = SmsKeyword.Help,
        // Spanish. Twilio itself only acts on the English words (docs/channels-spanish.md); these the app honours.
        // Not CANCELAR: it is how a client cancels an appointment. Not SI: it answers offers and read-backs.
        ["ALTO"] = SmsKeyword.OptOut,
        ["PARAR"] = SmsKeyword.OptOut,
        ["BAJA"] = SmsKeyword.OptOut,
        ["DETENER"] = SmsKeyword.OptOut,
        ["DESUSCRIBIR"] = SmsKeyword.OptOut,
        ["DESUSCRIBIRME"] = SmsKeyword.OptOut,
        ["COMENZAR"] = SmsKeyword.OptIn,
        ["REANUDAR"] = SmsKeyword.OptIn,
        ["AYUDA"] = SmsKeyword.Help,
    };

    private static readonly HashSet<string> Spanish = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALTO", "PARAR", "BAJA", "DETENER", "DESUSCRIBIR", "DESUSCRIBIRME", "COMENZAR", "REANUDAR", "AYUDA",
    };

    /// <summary>
    /// The language of a keyword or opt-out phrase: "es" for ALTO, AYUDA, "no me manden más mensajes"; "en" for STOP,
    /// HELP, "stop texting me"; null when the message is not one.
    /// </summary>
    /// <param name="body">The inbound <c>Body</c>.</param>
    public static string? LanguageOf(string? body)
    {
        if (body is null)
        {
            return null;
        }
        var word = TrimPunctuation(body);
        if (Keywords.ContainsKey(word))
        {
            return Spanish.Contains(word) ? "es" : "en";
        }
        return AsksToStopTexts(body, SpanishOptOutWords()) ? "es" : AsksToStopTexts(body, OptOutWords()) ? "en" : null;
    }

    /// <summary>
    /// Classifies a message that is a single keyword, in any case, ignoring surrounding
    /// whitespace and punctuation ("Stop.", " quit! "), and a short message that asks in words to stop the texts
    /// ("quit sending me messages", "take me off your list", "unsubscribe me", "no more messages please"): an
    /// opt-out said in words is still an opt-out, though Twilio only acts on the keywords.
    /// </summary>
    /// <remarks>
    /// TRAP: "YES" is an opt-in keyword to Twilio, and also how a client accepts a waitlist offer
    /// or confirms a booking by text. This returns <see cref="SmsKeyword.OptIn"/> for it; the caller
    /// must decide, e.g. treat it as an answer when an offer is pending and the number is not opted
    /// out. Likewise "CANCEL" is an opt-out to Twilio (it stops all messages) even when the client
    /// meant to cancel an appointment: confirm the opt-out and tell them how to cancel a booking.
    /// </remarks>
    /// <param name="body">The inbound <c>Body</c>.</param>
    /// <returns>The keyword, or <see cref="SmsKeyword.None"/>.</returns>
    public static SmsKeyword Classify(string? body)
    {
        if (body is null)
        {
            return SmsKeyword.None;
        }

        return Keywords.TryGetValue(TrimPunctuation(body), out var keyword) ? keyword
            : AsksToStopTexts(body, OptOutWords()) || AsksToStopTexts(body, SpanishOptOutWords()) ? SmsKeyword.OptOut
            : SmsKeyword.None;
    }

    /// <summary>Whether the message is one of the keywords itself (STOP, ALTO, START …), not words that ask the same.</summary>
    /// <param name="body">The inbound <c>Body</c>.</param>
    public static bool IsKeyword(string? body) => body is not null && Keywords.ContainsKey(TrimPunctuation(body));

    /// <summary>
    /// An opt-out said in words that names a list and not the texts ("no thanks, take me off the list", "sácame de la
    /// lista"), never the keyword itself: when a waitlist opening was just texted, the list is the waitlist and the
    /// message answers the opening (the caller decides; STOP and the other keywords always stop the texts).
    /// </summary>
    /// <param name="body">The inbound <c>Body</c>.</param>
    public static bool AsksOffAList(string? body)
    {
        if (body is null || IsKeyword(body) || Classify(body) != SmsKeyword.OptOut)
        {
            return false;
        }
        var text = WithoutAccents(body.ToLowerInvariant());
        return ListWord().IsMatch(text) && !TextsWord().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:list|lista)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ListWord();

    [GeneratedRegex(@"\b(?:texts?|txts?|texting|messages?|msgs?|messaging|sms|mensajes?|textos?|contacts?|marketing|promos?|promotions?|mailing|suscripcion)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TextsWord();

    /// <summary>
    /// A short message that asks for no more texts, in words. Only short messages: in a long one the words are more
    /// likely about something else, and a missed opt-out is still caught by the keyword the reply reminds them of.
    /// </summary>
    private static bool AsksToStopTexts(string body, Regex words)
    {
        var text = WithoutAccents(body.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal));
        if (text.Length > 100)
        {
            return false;
        }
        var match = words.Match(text);
        // "please don't stop texting me", "i didn't say to stop texting", "no dejen de escribirme" are the opposite (the same
        // reading as the safety screen's stop wordings).
        return match.Success && !FrontDesk.Agent.Screening.EscalationRules.NegatedJustBefore(text.AsSpan(0, match.Index));
    }

    [GeneratedRegex(@"\b(?:(?:stop|quit|cease|quit\s+it\s+with)\s+(?:\w+\s+){0,2}?(?:texting|txting|texts|messaging|msging|messages|sending|contacting|spamming)\b|(?:take|remove|delete|drop)\s+(?:me|my\s+(?:number|phone|cell|mobile))\s+(?:off|from)\s+(?:your|the|this|ur|all)\b(?:\s+\w+){0,2}\s*(?:list|texts?|messages|contacts|system|$)|unsubscribe|no\s+more\s+(?:texts?|messages|msgs|txts)\b|(?:dont|do\s+not|never)\s+(?:text|message|contact)\s+me\b|opt\s*(?:me\s+)?out\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OptOutWords();

    // "no me manden más mensajes", "dejen de mandarme mensajes", "quiero darme de baja", "bórrenme de su lista", "ya no me
    // escriban" (no longer: the texts, whatever follows), "no quiero más mensajes" (round 36) (accents dropped).
    [GeneratedRegex(@"\b(?:no\s+(?:me\s+|nos\s+)?(?:manden|mandes|mande|envien|envies|envie|escriban|escribas|escriba)\s+(?:\w+\s+)?(?:mas\s+)?(?:mensajes|textos|sms|mas)\b|dej(?:en|a|e)\s+de\s+(?:mandar|enviar|escribir)(?:me|nos)?\b|(?:darme|dar|doy|me\s+doy)\s+de\s+baja\b|(?:borr|elimin|quit|sac)\w*\s+(?:de\s+)?(?:su|la|sus|esta|tu)\s+lista\b|cancelar\s+(?:la\s+|mi\s+)?suscripcion\b|desuscrib\w*|ya\s+no\s+quiero\s+(?:recibir\s+)?(?:mas\s+)?(?:mensajes|textos|sms)\b|no\s+quiero\s+(?:recibir\s+)?mas\s+(?:mensajes|textos|sms)\b|ya\s+no\s+(?:me|nos)\s+(?:escriban|escribas|escriba|manden|mandes|mande|envien|envies|envie|texteen|textees|textee)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SpanishOptOutWords();

    private static string WithoutAccents(string text)
    {
        if (text.All(char.IsAscii))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string TrimPunctuation(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsTrimmable(text[start]))
        {
            start++;
        }

        while (end > start && IsTrimmable(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsTrimmable(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);
}
