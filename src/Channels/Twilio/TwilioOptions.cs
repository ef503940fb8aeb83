using System.ComponentModel.DataAnnotations;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Twilio account settings, bound from the <c>Twilio</c> configuration section.
/// </summary>
/// <remarks>
/// <see cref="AuthToken"/> is optional so the host can start without Twilio; while it is empty
/// every signed webhook fails validation (403) and <see cref="TwilioRestClient"/> cannot send.
/// That is the safe default: an unconfigured token never means "accept anything".
/// </remarks>
public sealed class TwilioOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string Section = "Twilio";

    /// <summary>Configuration key of the public base URL Twilio calls (outside this section).</summary>
    public const string PublicBaseUrlKey = "FrontDesk:PublicBaseUrl";

    /// <summary>Account SID (<c>AC…</c>); the user name of the REST API's Basic auth.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>Auth token: the HMAC key of webhook signatures and the REST API password. A secret: never log it.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>Base URL of the REST API; tests point it at a fake server.</summary>
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Sender number in E.164 form, used when <see cref="MessagingServiceSid"/> is not set.</summary>
    public string? FromNumber { get; set; }

    /// <summary>Messaging service SID (<c>MG…</c>); takes precedence over <see cref="FromNumber"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// SECURITY-SENSITIVE. When true and no public base URL is configured, the signature check
    /// rebuilds the URL Twilio called from <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.
    /// Turn on only behind a proxy that sets (overwrites) those headers; otherwise any client
    /// can choose the URL being checked. Default false.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }
}
