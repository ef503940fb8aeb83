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
public static class SmsKeywords
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
    /// whitespace and punctuation ("Stop.", " quit! "). Anything longer ("stop texting me") is
    /// <see cref="SmsKeyword.None"/>, as Twilio treats it.
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

        return Keywords.TryGetValue(TrimPunctuation(body), out var keyword) ? keyword : SmsKeyword.None;
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
