namespace FrontDesk.Channels.Teams;

/// <summary>Per-field length caps shared by the Teams card and the Slack message.</summary>
internal static class EscalationText
{
    public const int MaxFieldChars = 200;
    public const int MaxRoleChars = 40;
    public const int MaxSummaryChars = 3000;
    public const int MaxTurnChars = 1000;
    public const int MaxTurns = 20;
    public const int MaxConsoleUrlChars = 2000;
    public const string Ellipsis = "…";

    /// <summary>Checks the URL and applies the per-field caps; keeps only the latest turns.</summary>
    public static EscalationCardData Fit(EscalationCardData data, out int omittedTurns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.ConsoleUrl is null
            || data.ConsoleUrl.Length > MaxConsoleUrlChars
            || !Uri.TryCreate(data.ConsoleUrl, UriKind.Absolute, out var consoleUri)
            || (consoleUri.Scheme != Uri.UriSchemeHttps && consoleUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("ConsoleUrl must be an absolute http(s) URL of at most 2000 characters.", nameof(data));
        }

        var turns = data.LastTurns ?? [];
        omittedTurns = Math.Max(0, turns.Count - MaxTurns);
        return data with
        {
            Category = Truncate(data.Category, MaxFieldChars),
            Urgency = Truncate(data.Urgency, MaxFieldChars),
            ClientName = TruncateOptional(data.ClientName, MaxFieldChars),
            ClientPhone = TruncateOptional(data.ClientPhone, MaxFieldChars),
            Summary = Truncate(data.Summary, MaxSummaryChars),
            LastTurns = turns
                .Skip(omittedTurns)
                .Select(t => (Truncate(t.Role, MaxRoleChars), Truncate(t.Text, MaxTurnChars)))
                .ToList(),
            SpaName = Truncate(data.SpaName, MaxFieldChars),
            LocationName = TruncateOptional(data.LocationName, MaxFieldChars),
        };
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxChars"/>, ending in an ellipsis when cut.</summary>
    public static string Truncate(string? text, int maxChars)
    {
        text ??= "";
        if (text.Length <= maxChars)
        {
            return text;
        }

        var keep = Math.Max(0, maxChars - Ellipsis.Length);
        // Never split a surrogate pair: half an emoji is invalid UTF-16.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + Ellipsis;
    }

    private static string? TruncateOptional(string? text, int maxChars) =>
        string.IsNullOrWhiteSpace(text) ? null : Truncate(text, maxChars);
}
