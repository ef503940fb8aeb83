using System.Text;
using System.Xml;
using System.Xml.Linq;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// The few things we add to the Twilio SDK's TwiML builders (<see cref="VoiceResponse"/>,
/// <see cref="MessagingResponse"/>): text cleaned of characters XML cannot carry (the SDK throws on
/// them while writing, and model output can hold them), relative URLs, and the HTTP result.
/// </summary>
/// <example>
/// <code>
/// var gather = new Gather(input: [Gather.InputEnum.Speech], action: Twiml.Url("/twilio/voice/turn"), speechTimeout: "auto")
///     .Say(Twiml.Say("How can I help?", "Polly.Joanna-Neural", "en-US"));
/// return new VoiceResponse().Append(gather).ToResult();
/// </code>
/// </example>
public static class Twiml
{
    /// <summary>Content type of TwiML responses.</summary>
    public const string ContentType = "application/xml";

    /// <summary>A <c>&lt;Say&gt;</c> with cleaned text; a null voice or language is left to Twilio's default.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">Voice, e.g. <c>Polly.Joanna-Neural</c>.</param>
    /// <param name="language">Language, e.g. <c>en-US</c>.</param>
    /// <returns>The verb.</returns>
    public static Say Say(string text, string? voice = null, string? language = null) =>
        new(Clean(text), voice: voice is null ? null : (Say.VoiceEnum)voice, language: language is null ? null : (Say.LanguageEnum)language);

    /// <summary>A URL as TwiML takes it: absolute, or relative to the webhook's own URL.</summary>
    /// <param name="url">The URL text.</param>
    /// <returns>The URL.</returns>
    public static Uri Url(string url) => new(url, UriKind.RelativeOrAbsolute);

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters, lone surrogates): model output
    /// can contain them and the SDK's XML writer would throw mid-response.
    /// </summary>
    /// <param name="text">Text bound for an element or attribute.</param>
    /// <returns>The text, without those characters.</returns>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>The document's XML without a declaration, e.g. <c>&lt;Response /&gt;</c> when empty.</summary>
    /// <param name="twiml">A response.</param>
    /// <returns>XML text.</returns>
    public static string ToXml(this TwiML twiml)
    {
        ArgumentNullException.ThrowIfNull(twiml);
        var root = twiml.ToXDocument().Root!;
        // The SDK gives every element an empty text body; written as <Hangup /> it is the same XML, shorter.
        foreach (var element in root.DescendantsAndSelf().Where(e => !e.Nodes().Any(n => n is XElement) && e.Value.Length == 0))
        {
            element.RemoveNodes();
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The document as an HTTP result with content type <c>application/xml; charset=utf-8</c>.</summary>
    /// <param name="twiml">A response.</param>
    /// <returns>A 200 result carrying the TwiML.</returns>
    public static IResult ToResult(this TwiML twiml) => TypedResults.Text(twiml.ToXml(), ContentType, Encoding.UTF8);
}
