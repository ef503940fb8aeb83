namespace FrontDesk.Agent.Languages;

/// <summary>The languages the front desk speaks, by ISO 639-1 code.</summary>
public static class ConversationLanguage
{
    /// <summary>English: the default, and the language every template has.</summary>
    public const string English = "en";

    /// <summary>Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>Every language the product speaks, English first.</summary>
    public static IReadOnlyList<string> Supported => Tools.Profile.SpaInfo.SupportedLanguages;

    /// <summary>Whether the product speaks <paramref name="language"/>.</summary>
    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);
}

/// <summary>What one message says about the conversation's language.</summary>
/// <param name="Language">The conversation's language after this message ("en", "es"): the message's own when it is clear, else the current one.</param>
/// <param name="Detected">The language the message is clearly written in (any ISO 639-1 code), or null when it is too short or ambiguous to tell.</param>
/// <param name="Unsupported">The message is clearly in a language this business does not serve: the reply offers a person.</param>
public sealed record LanguageReading(string Language, string? Detected, bool Unsupported)
{
    /// <summary>
    /// The language a short reply is written in when the conversation keeps its own (round 30: "la primera" in an English
    /// conversation): the message is read in it, the reply is in <see cref="Language"/>. Null otherwise.
    /// </summary>
    public string? WrittenIn { get; init; }

    /// <summary>Whether the message moved the conversation to another language.</summary>
    public bool Switched(string? current) => current is not null && current != Language;
}
