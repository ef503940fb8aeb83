using System.ComponentModel.DataAnnotations;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Channels.Twilio;

/// <summary>How a location's calls are answered.</summary>
public enum VoiceMode
{
    /// <summary>Turn by turn: Twilio transcribes each utterance (<c>&lt;Gather&gt;</c>) and posts it.</summary>
    Gather,

    /// <summary>Streaming: ConversationRelay speaks and listens, text flows over a WebSocket.</summary>
    ConversationRelay,
}

/// <summary>Voice settings, section <c>FrontDesk:Voice</c>.</summary>
public sealed class VoiceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Voice";

    /// <summary>Default mode for every location.</summary>
    public VoiceMode Mode { get; set; } = VoiceMode.Gather;

    /// <summary>Text-to-speech voice used in <c>&lt;Say&gt;</c>.</summary>
    [Required]
    public string Voice { get; set; } = "Polly.Joanna-Neural";

    /// <summary>Speech and recognition language.</summary>
    [Required]
    public string Language { get; set; } = "en-US";

    /// <summary>
    /// Voice and recognition language for a conversation in another language, by language code. Spanish defaults to
    /// <c>Polly.Lupe-Neural</c> and <c>es-US</c> (a Polly voice must be given a language it speaks, or the Say fails).
    /// </summary>
    public Dictionary<string, VoiceLanguageOptions> Languages { get; set; } = new(StringComparer.Ordinal)
    {
        ["es"] = new() { Voice = "Polly.Lupe-Neural", Language = "es-US", Digit = "2" },
    };

    /// <summary>The voice and recognition language for a conversation language; the defaults for English or an unknown one.</summary>
    /// <param name="language">The conversation's language ("en", "es"), or null.</param>
    public (string Voice, string Language) For(string? language) =>
        language is not null && Languages.TryGetValue(language, out var l) ? (l.Voice, l.Language) : (Voice, Language);

    /// <summary>
    /// The ConversationRelay text-to-speech provider and voice for a <c>&lt;Say&gt;</c> voice: "Polly.Lupe-Neural" is
    /// provider Amazon, voice Lupe-Neural; "Google.es-US-Neural2-A" is Google, es-US-Neural2-A; any other name is passed
    /// as the voice with no provider (Twilio's default provider).
    /// </summary>
    /// <param name="sayVoice">A voice as <c>&lt;Say&gt;</c> names it.</param>
    public static (string? Provider, string Voice) RelayVoice(string sayVoice)
    {
        ArgumentNullException.ThrowIfNull(sayVoice);
        var dot = sayVoice.IndexOf('.', StringComparison.Ordinal);
        var provider = dot > 0 ? sayVoice[..dot] : "";
        return provider switch
        {
            "Polly" => ("Amazon", sayVoice[(dot + 1)..]),
            "Google" => ("Google", sayVoice[(dot + 1)..]),
            _ => (null, sayVoice),
        };
    }

    /// <summary>Seconds a transfer rings before falling back to voicemail.</summary>
    [Range(5, 60)]
    public int TransferRingSeconds { get; set; } = 20;

    /// <summary>Longest voicemail, in seconds.</summary>
    [Range(10, 600)]
    public int VoicemailMaxSeconds { get; set; } = 120;

    /// <summary>Per-location overrides, keyed by location id.</summary>
    public Dictionary<string, VoiceLocationOptions> Locations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The mode for a location.</summary>
    /// <param name="locationId">Location id.</param>
    /// <returns>The override, else the default.</returns>
    public VoiceMode ModeFor(string locationId) =>
        Locations.TryGetValue(locationId, out var l) && l.Mode is { } mode ? mode : Mode;
}

/// <summary>The voice of one conversation language.</summary>
public sealed class VoiceLanguageOptions
{
    /// <summary>Text-to-speech voice, e.g. <c>Polly.Lupe-Neural</c>.</summary>
    [Required]
    public string Voice { get; set; } = "";

    /// <summary>Speech recognition and speech language, e.g. <c>es-US</c> or <c>es-MX</c>.</summary>
    [Required]
    public string Language { get; set; } = "";

    /// <summary>
    /// The key that switches a call to this language after the greeting offered it (<c>voice_language_offer</c>);
    /// Spanish: 2. Empty: no key, only the words (<c>voice_language_words</c>).
    /// </summary>
    public string Digit { get; set; } = "";
}

/// <summary>Per-location voice settings.</summary>
public sealed class VoiceLocationOptions
{
    /// <summary>Gather or ConversationRelay for this location.</summary>
    public VoiceMode? Mode { get; set; }

    /// <summary>Number live calls are transferred to (else the profile's <c>escalation.transfer_phone</c>).</summary>
    public string? TransferPhone { get; set; }
}

/// <summary>SMS settings, section <c>FrontDesk:Sms</c>.</summary>
public sealed class SmsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Sms";

    /// <summary>
    /// How long an inbound text waits for the agent before answering with an empty TwiML response;
    /// the reply then goes out later through the outbox. Twilio gives up after 15 s.
    /// </summary>
    [Range(100, 14000)]
    public int ReplyBudgetMs { get; set; } = 8000;

    /// <summary>Kinds sent only to clients with SMS consent (<c>clients.sms_consent</c>).</summary>
    public List<string> ConsentRequiredKinds { get; set; } = [MessageKind.Confirmation, MessageKind.Reminder, MessageKind.WaitlistOffer];

    /// <summary>Kinds sent during quiet hours (answers to the client, an opt-out's confirmation and one-time codes).</summary>
    public List<string> QuietHoursExemptKinds { get; set; } = [MessageKind.Reply, MessageKind.OptOutConfirmation, MessageKind.VerificationCode];

    /// <summary>Start of quiet hours, spa-local (no texts from then).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>End of quiet hours, spa-local (texts resume).</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>How often the sender looks for due messages, in milliseconds.</summary>
    [Range(50, 600000)]
    public int SenderPollMs { get; set; } = 1000;

    /// <summary>
    /// Seconds a sender's claim on a text lasts (real time): another instance sends it only after that, so set it well above
    /// one send's time. A sender that dies holding a claim delays that text by at most this long.
    /// </summary>
    [Range(1, 3600)]
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>Attempts before a transiently failing message is marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Ceiling of the first retry's delay, in seconds; doubles per attempt.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Cap of the retry delay, in seconds.</summary>
    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How often reminders are scheduled and waitlist offers expired, in seconds.</summary>
    [Range(1, 3600)]
    public int SchedulerIntervalSeconds { get; set; } = 60;

    /// <summary>Spa-local time the day-before reminder goes out.</summary>
    public TimeOnly ReminderLocalTime { get; set; } = new(10, 0);
}
