using System.Text.RegularExpressions;

namespace FrontDesk.Agent.Languages;

/// <summary>
/// A person asking which language the conversation is in: "do you speak spanish?", "can we talk in english", "¿habla
/// español?", "en inglés por favor". Answered by the assistant in the language asked for when the business serves it
/// (the conversation goes on in it), never passed to the team nor declined as off-topic.
/// </summary>
public static partial class LanguageRequest
{
    /// <summary>"es" or "en" for the language asked for, "other" for another one named ("can you talk to me in italian"), else null.</summary>
    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most messages name no language (perf round twenty-eight): the words every reading of Asked needs, from its own
        // text, are looked for first.
        var m = AskedNeeds?.MayMatch(text) == false ? Match.Empty : Asked().Match(text);
        if (!m.Success)
        {
            return NotSpoken(text);
        }
        return m.Groups["lang"].Value.ToLowerInvariant() switch
        {
            "spanish" or "espanol" or "español" => ConversationLanguage.Spanish,
            "english" or "ingles" or "inglés" => ConversationLanguage.English,
            _ => "other",
        };
    }

    // "no hablo ingles", "solo hablo español", "i dont speak spanish", "my english is not very good" (round 34: declined as
    // off-topic): the language one does not speak asks for the other, the one only spoken for itself; an English said to be
    // poor asks for Spanish, the other language served. Only the person's own ("my mom doesnt speak english" is not).
    private static string? NotSpoken(string text)
    {
        var m = NotSpokenNeeds?.MayMatch(text) == false ? Match.Empty : NotSpokenExpression().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var said = (m.Groups["not"].Success ? m.Groups["not"] : m.Groups["lang"]).Value.ToLowerInvariant();
        var english = said.StartsWith("ingl", StringComparison.Ordinal) || said == "english";
        return m.Groups["poor"].Success || (m.Groups["not"].Success == english) ? ConversationLanguage.Spanish : ConversationLanguage.English;
    }

    [GeneratedRegex(@"(?:^|[^\w'])(?:(?:i|yo)\s+)?(?:(?:do\s*n'?o?t|dont|don't|can'?t|cannot|can\s+not)\s+(?:really\s+|actually\s+)?(?:speak|talk|read|understand)\s+(?:much\s+|good\s+|well\s+|very\s+(?:good|well)\s+)?(?<not>english|spanish)|no\s+(?:hablo|entiendo|se|sé|leo)\s+(?:mucho\s+|muy\s+bien\s+|bien\s+)?(?:el\s+)?(?<not>ingl[eé]s|espa[nñ]ol)|only\s+(?:speak|talk|understand)\s+(?<lang>english|spanish)|(?:solo|sólo|nomas|nomás|nada\s+mas|nada\s+más|solamente)\s+(?:hablo|entiendo)\s+(?<lang>espa[nñ]ol|ingl[eé]s)|my\s+english\s+(?:is\s*n'?t|isnt|is\s+not|aint|ain't|not)\s+(?:very\s+|that\s+|so\s+|too\s+)?(?:good|great)(?<poor>)|my\s+english\s+is\s+(?:bad|poor|terrible|limited|not\s+good)(?<poor>))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotSpokenExpression();

    /// <summary>What <see cref="NotSpokenExpression"/> cannot match without.</summary>
    internal static readonly Screening.RequiredWords? NotSpokenNeeds = Screening.RequiredWords.Of(NotSpokenExpression().ToString(), NotSpokenExpression().Options);

    /// <summary>
    /// What follows the request in the same message ("actually can we do this in english? the 11 one" → "the 11 one"; round 34),
    /// trimmed; null when the message asks no language or nothing follows it.
    /// </summary>
    public static string? Rest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = AskedNeeds?.MayMatch(text) == false ? Match.Empty : Asked().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var rest = text[(m.Index + m.Length)..].TrimStart(' ', '?', '!', '.', ',', ';', ':', '¿', '¡', '-').TrimEnd();
        return rest.Length == 0 ? null : rest;
    }

    // The request's verbs in English and Spanish, then the language. Not "my spanish teacher" nor "the english
    // breakfast tea": the language follows a verb of speaking or "in"/"en", or stands with "please".
    [GeneratedRegex(@"\b(?:(?:do|can|could|would|will)\s+(?:you|u|ya|yall|someone|anyone|somebody|we|i)\s+(?:\w+\s+)?(?:speak|talk|text|write|chat|communicate|continue|go\s+on|help\s+(?:me\s+|us\s+)?|do\s+this)\s+(?:(?:to\s+|with\s+)?(?:me|us)\s+)?(?:in\s+|using\s+)?|(?:talk|speak|write|text|reply|answer|respond|continue|switch)\s+(?:to\s+me\s+|with\s+me\s+|to\s+you\s+|with\s+you\s+|to\s+)?(?:in|using)\s+|(?:someone|anyone|somebody|a\s+person|a\s+human)\s+(?:who|that)\s+(?:speaks?|talks?)\s+|(?:talk|speak|chat)\s+(?:to|with)\s+(?:someone|somebody|anyone|a\s+person|a\s+human)\s+in\s+|(?:alguien|una\s+persona)\s+que\s+(?:hable|sepa)\s+(?:en\s+)?|(?:hablas|habla|hablan|hablen|(?:puedes|puede|puedo|podemos|podria|podrias|podriamos)\s+(?:hablar(?:me)?|atender(?:me)?|ayudar(?:me)?|escribir(?:me)?|seguir|continuar)|me\s+(?:puede|puedes|podria|podrias)\s+(?:atender|ayudar|hablar|escribir)|hablame|hableme|atiendeme|atiendame|escribeme|escribame|sigamos|seguimos|continuemos)\s+(?:\w+\s+)?(?:en\s+)?)(?<lang>spanish|english|espanol|español|ingles|inglés|italian|french|portuguese|chinese|mandarin|cantonese|vietnamese|korean|japanese|russian|german|tagalog|arabic|hindi|greek|dutch|polish|hebrew|turkish|farsi|persian|ukrainian|italiano|frances|francés|portugues|portugués|chino|aleman|alemán)\b|\b(?:en\s+)?(?<lang>spanish|english|espanol|español|ingles|inglés)\s+(?:please|pls|plz|por\s+favor)\b|^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:speak|talk)\s+(?:in\s+)?(?<lang>spanish|english|espanol|español|italian|french|portuguese|chinese|mandarin|cantonese|vietnamese|korean|japanese|russian|german|tagalog|arabic|hindi|greek|dutch|polish|hebrew|turkish|farsi|persian|ukrainian|navajo)\W*(?:please|pls|plz)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Asked();

    /// <summary>What <see cref="Asked"/> cannot match without: a language's name, or "speak"/"talk" (derived from it).</summary>
    internal static readonly Screening.RequiredWords? AskedNeeds = Screening.RequiredWords.Of(Asked().ToString(), Asked().Options);

    /// <summary>The expression itself, for the tests that compare it with its prefilter.</summary>
    internal static Regex AskedExpression => Asked();
}
