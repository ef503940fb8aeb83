using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Builds a TwiML <c>&lt;Response&gt;</c> document. Text and attributes are always XML-escaped
/// (model output goes straight into <c>Say</c> and <c>Message</c>), and characters XML cannot carry
/// are dropped. Optional attributes left null are omitted so Twilio's defaults apply.
/// </summary>
/// <example>
/// <code>
/// var twiml = new TwimlResponse()
///     .Gather(new TwimlGather { Input = "speech", Action = "/twilio/voice/turn", SpeechTimeout = "auto" }
///         .Say("How can I help?", voice: "Polly.Joanna-Neural"))
///     .Redirect("/twilio/voice/reprompt");
/// return twiml.ToResult();
/// </code>
/// </example>
public sealed class TwimlResponse
{
    /// <summary>Content type of TwiML responses.</summary>
    public const string ContentType = "application/xml";

    private readonly XElement _root = new("Response");

    /// <summary>Speaks text.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">Voice, e.g. <c>Polly.Joanna-Neural</c>.</param>
    /// <param name="language">Language, e.g. <c>en-US</c>.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Say(string text, string? voice = null, string? language = null)
    {
        _root.Add(Twiml.Say(text, voice, language));
        return this;
    }

    /// <summary>Collects speech or digits and posts the result to the gather's action.</summary>
    /// <param name="gather">The gather, with its nested prompts.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Gather(TwimlGather gather)
    {
        ArgumentNullException.ThrowIfNull(gather);
        _root.Add(gather.ToElement());
        return this;
    }

    /// <summary>Transfers the call to a phone number.</summary>
    /// <param name="number">E.164 number to dial.</param>
    /// <param name="action">URL that receives the outcome when the dialled leg ends.</param>
    /// <param name="timeoutSeconds">How long to ring.</param>
    /// <param name="callerId">Caller ID shown to the callee.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Dial(string number, string? action = null, int? timeoutSeconds = null, string? callerId = null)
    {
        _root.Add(Twiml.Element(
            "Dial",
            Twiml.Attribute("action", action),
            Twiml.Attribute("timeout", timeoutSeconds),
            Twiml.Attribute("callerId", callerId),
            Twiml.Element("Number", Twiml.Text(number))));
        return this;
    }

    /// <summary>Records a voicemail.</summary>
    /// <param name="action">URL that receives <c>RecordingUrl</c> and <c>RecordingDuration</c>.</param>
    /// <param name="maxLengthSeconds">Longest recording.</param>
    /// <param name="playBeep">Whether to beep before recording.</param>
    /// <param name="transcribe">Whether Twilio transcribes the recording.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Record(string? action = null, int? maxLengthSeconds = null, bool? playBeep = null, bool? transcribe = null)
    {
        _root.Add(Twiml.Element(
            "Record",
            Twiml.Attribute("action", action),
            Twiml.Attribute("maxLength", maxLengthSeconds),
            Twiml.Attribute("playBeep", playBeep),
            Twiml.Attribute("transcribe", transcribe)));
        return this;
    }

    /// <summary>Fetches the next TwiML from another URL.</summary>
    /// <param name="url">Where to continue.</param>
    /// <param name="method"><c>POST</c> (Twilio's default) or <c>GET</c>.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Redirect(string url, string? method = null)
    {
        _root.Add(Twiml.Element("Redirect", Twiml.Attribute("method", method), Twiml.Text(url)));
        return this;
    }

    /// <summary>Waits silently.</summary>
    /// <param name="lengthSeconds">Seconds to wait; Twilio's default is 1.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Pause(int? lengthSeconds = null)
    {
        _root.Add(Twiml.Pause(lengthSeconds));
        return this;
    }

    /// <summary>Ends the call.</summary>
    /// <returns>This response.</returns>
    public TwimlResponse Hangup()
    {
        _root.Add(new XElement("Hangup"));
        return this;
    }

    /// <summary>Replies to an inbound SMS.</summary>
    /// <param name="text">The message body.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Message(string text)
    {
        _root.Add(Twiml.Element("Message", Twiml.Text(text)));
        return this;
    }

    /// <summary>Hands the call to ConversationRelay (streaming speech over a WebSocket).</summary>
    /// <param name="relay">The relay settings and parameters.</param>
    /// <param name="action">URL Twilio posts to when the session ends.</param>
    /// <returns>This response.</returns>
    public TwimlResponse Connect(TwimlConversationRelay relay, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(relay);
        _root.Add(Twiml.Element("Connect", Twiml.Attribute("action", action), relay.ToElement()));
        return this;
    }

    /// <summary>The TwiML document, e.g. <c>&lt;Response /&gt;</c> when empty.</summary>
    /// <returns>XML text without a declaration.</returns>
    public override string ToString() => _root.ToString(SaveOptions.DisableFormatting);

    /// <summary>The document as an HTTP result with content type <c>application/xml; charset=utf-8</c>.</summary>
    /// <returns>A 200 result carrying the TwiML.</returns>
    public IResult ToResult() => TypedResults.Text(ToString(), ContentType, Encoding.UTF8);
}

/// <summary>A <c>&lt;Gather&gt;</c> verb and the prompts nested in it.</summary>
public sealed class TwimlGather
{
    private readonly List<XElement> _children = [];

    /// <summary><c>speech</c>, <c>dtmf</c> or <c>dtmf speech</c>.</summary>
    public string? Input { get; init; }

    /// <summary>URL that receives <c>SpeechResult</c>/<c>Digits</c>.</summary>
    public string? Action { get; init; }

    /// <summary>HTTP method for <see cref="Action"/>.</summary>
    public string? Method { get; init; }

    /// <summary>Seconds of silence that end speech, or <c>auto</c>.</summary>
    public string? SpeechTimeout { get; init; }

    /// <summary>Seconds to wait for input to start (Twilio's default 5).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Recognition language, e.g. <c>en-US</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Comma-separated words and phrases that help recognition.</summary>
    public string? Hints { get; init; }

    /// <summary>
    /// When true, silence still posts to <see cref="Action"/>; otherwise the call falls through to
    /// the next verb, so put a re-prompt or redirect after the gather.
    /// </summary>
    public bool? ActionOnEmptyResult { get; init; }

    /// <summary>Number of digits that ends DTMF input.</summary>
    public int? NumDigits { get; init; }

    /// <summary>Adds a prompt spoken while gathering.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">Voice, e.g. <c>Polly.Joanna-Neural</c>.</param>
    /// <param name="language">Language, e.g. <c>en-US</c>.</param>
    /// <returns>This gather.</returns>
    public TwimlGather Say(string text, string? voice = null, string? language = null)
    {
        _children.Add(Twiml.Say(text, voice, language));
        return this;
    }

    /// <summary>Adds a pause inside the gather.</summary>
    /// <param name="lengthSeconds">Seconds to wait.</param>
    /// <returns>This gather.</returns>
    public TwimlGather Pause(int? lengthSeconds = null)
    {
        _children.Add(Twiml.Pause(lengthSeconds));
        return this;
    }

    internal XElement ToElement() => Twiml.Element(
        "Gather",
        Twiml.Attribute("input", Input),
        Twiml.Attribute("action", Action),
        Twiml.Attribute("method", Method),
        Twiml.Attribute("speechTimeout", SpeechTimeout),
        Twiml.Attribute("timeout", TimeoutSeconds),
        Twiml.Attribute("language", Language),
        Twiml.Attribute("hints", Hints),
        Twiml.Attribute("actionOnEmptyResult", ActionOnEmptyResult),
        Twiml.Attribute("numDigits", NumDigits),
        _children.Select(child => new XElement(child)));
}

/// <summary>A <c>&lt;ConversationRelay&gt;</c> noun inside <c>&lt;Connect&gt;</c>.</summary>
/// <param name="url">The <c>wss://</c> URL of the relay WebSocket.</param>
public sealed class TwimlConversationRelay(string url)
{
    private readonly List<XElement> _parameters = [];

    /// <summary>The <c>wss://</c> URL of the relay WebSocket.</summary>
    public string Url { get; } = url ?? throw new ArgumentNullException(nameof(url));

    /// <summary>First words spoken when the call connects.</summary>
    public string? WelcomeGreeting { get; init; }

    /// <summary>Speech and recognition language, e.g. <c>en-US</c>.</summary>
    public string? Language { get; init; }

    /// <summary><c>any</c>, <c>speech</c>, <c>dtmf</c> or <c>none</c>.</summary>
    public string? Interruptible { get; init; }

    /// <summary>Whether keypad digits are sent to the WebSocket.</summary>
    public bool? DtmfDetection { get; init; }

    /// <summary>Comma-separated words and phrases that help recognition.</summary>
    public string? Hints { get; init; }

    /// <summary>Adds a custom parameter, delivered in the <c>setup</c> message's <c>customParameters</c>.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Parameter value.</param>
    /// <returns>This relay.</returns>
    public TwimlConversationRelay Parameter(string name, string value)
    {
        _parameters.Add(Twiml.Element("Parameter", Twiml.Attribute("name", name), Twiml.Attribute("value", value)));
        return this;
    }

    internal XElement ToElement() => Twiml.Element(
        "ConversationRelay",
        Twiml.Attribute("url", Url),
        Twiml.Attribute("welcomeGreeting", WelcomeGreeting),
        Twiml.Attribute("language", Language),
        Twiml.Attribute("interruptible", Interruptible),
        Twiml.Attribute("dtmfDetection", DtmfDetection),
        Twiml.Attribute("hints", Hints),
        _parameters.Select(parameter => new XElement(parameter)));
}

/// <summary>Element helpers shared by the TwiML builders.</summary>
internal static class Twiml
{
    public static XElement Element(string name, params object?[] content) => new(name, content);

    public static XElement Say(string text, string? voice, string? language) =>
        Element("Say", Attribute("voice", voice), Attribute("language", language), Text(text));

    public static XElement Pause(int? lengthSeconds) => Element("Pause", Attribute("length", lengthSeconds));

    public static XAttribute? Attribute(string name, string? value) =>
        value is null ? null : new XAttribute(name, Clean(value));

    public static XAttribute? Attribute(string name, int? value) =>
        value is null ? null : new XAttribute(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public static XAttribute? Attribute(string name, bool? value) =>
        value is null ? null : new XAttribute(name, value.Value ? "true" : "false");

    public static XText Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new XText(Clean(text));
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters, lone surrogates): model output
    /// can contain them and XmlWriter would throw mid-response.
    /// </summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return clean.Length == text.Length ? text : clean.ToString();
    }
}
