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
    };

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
            : AsksToStopTexts(body) ? SmsKeyword.OptOut
            : SmsKeyword.None;
    }

    /// <summary>
    /// A short message that asks for no more texts, in words. Only short messages: in a long one the words are more
    /// likely about something else, and a missed opt-out is still caught by the keyword the reply reminds them of.
    /// </summary>
    private static bool AsksToStopTexts(string body)
    {
        var text = body.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
        if (text.Length > 100)
        {
            return false;
        }
        var match = OptOutWords().Match(text);
        // "please don't stop texting me" is the opposite.
        return match.Success && !Negated().IsMatch(text[..match.Index]);
    }

    [GeneratedRegex(@"\b(?:(?:stop|quit|cease|quit\s+it\s+with)\s+(?:\w+\s+){0,2}?(?:texting|txting|texts|messaging|msging|messages|sending|contacting|spamming)\b|(?:take|remove|delete|drop)\s+(?:me|my\s+(?:number|phone|cell|mobile))\s+(?:off|from)\s+(?:your|the|this|ur|all)\b(?:\s+\w+){0,2}\s*(?:list|texts?|messages|contacts|system|$)|unsubscribe|no\s+more\s+(?:texts?|messages|msgs|txts)\b|(?:dont|do\s+not|never)\s+(?:text|message|contact)\s+me\b|opt\s*(?:me\s+)?out\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OptOutWords();

    [GeneratedRegex(@"\b(?:dont|do\s+not|never|didnt|wont)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

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
