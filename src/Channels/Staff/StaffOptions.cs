using System.ComponentModel.DataAnnotations;
using FrontDesk.Tools.Profile;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Staff;

/// <summary>Configuration section <c>FrontDesk:Staff</c>.</summary>
internal sealed class StaffOptions
{
    public const string Section = "FrontDesk:Staff";

    /// <summary>
    /// SECURITY-SENSITIVE. When set, this key is accepted on the staff API as a manager (automation, demos).
    /// At least 24 characters; leave empty in production unless a secret store provides it.
    /// </summary>
    [MinLength(24, ErrorMessage = "FrontDesk:Staff:BootstrapApiKey must be at least 24 characters.")]
    public string? BootstrapApiKey { get; set; }

    /// <summary>Hours a console sign-in lasts (sliding).</summary>
    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;
}

/// <summary>Where escalations are announced: configuration sections <c>FrontDesk:Teams</c> and <c>FrontDesk:Slack</c>.</summary>
internal sealed class NotificationOptions
{
    public const string TeamsSection = "FrontDesk:Teams";

    /// <summary>The Teams Workflows webhook URL; when empty, the environment variable the profile names is read.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Per-location webhook URLs (location id → URL), for spas whose locations have their own channel.</summary>
    public Dictionary<string, string> LocationWebhookUrls { get; set; } = [];

    /// <summary>Seconds between scans for new escalations and due retries.</summary>
    [Range(0.01, 600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>Ceiling of the first retry's delay, in seconds (exponential backoff with full jitter after that).</summary>
    [Range(0.001, 3600)]
    public double RetryBaseSeconds { get; set; } = 2;

    /// <summary>Cap on the retry delay, in seconds.</summary>
    [Range(0.001, 86400)]
    public double RetryMaxSeconds { get; set; } = 300;

    /// <summary>The Slack incoming webhook URL (<c>FrontDesk:Slack:WebhookUrl</c>), optional.</summary>
    public string? SlackWebhookUrl { get; set; }
}

/// <summary>
/// Escalation cards and on-call texts link to <c>{FrontDesk:PublicBaseUrl}/staff/escalations/{id}</c>: without it every
/// card would fail for good and the on-call text would carry an empty link, so start-up stops naming the key. The on-call
/// text only counts once it can leave (Twilio configured); a demo without an SMS provider keeps it in the outbox.
/// </summary>
internal sealed class NotificationLinksValidation(IConfiguration configuration, IServiceProvider services) : IValidateOptions<NotificationOptions>
{
    public const string PublicBaseUrlKey = "FrontDesk:PublicBaseUrl";

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = configuration[PublicBaseUrlKey];
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{PublicBaseUrlKey} must be an absolute http(s) URL such as https://frontdesk.example.com.");
        }
        var profile = services.GetRequiredService<SpaProfile>();
        var needs = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl) || options.LocationWebhookUrls.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            needs.Add($"{NotificationOptions.TeamsSection}:WebhookUrl");
        }
        else if (profile.Escalation.TeamsWebhookEnv is { Length: > 0 } env && !string.IsNullOrWhiteSpace(configuration[env] ?? Environment.GetEnvironmentVariable(env)))
        {
            needs.Add(env);
        }
        if (!string.IsNullOrWhiteSpace(options.SlackWebhookUrl))
        {
            needs.Add("FrontDesk:Slack:WebhookUrl");
        }
        if (!string.IsNullOrWhiteSpace(profile.Escalation.OnCallPhone) && !string.IsNullOrWhiteSpace(configuration["Twilio:AccountSid"]))
        {
            needs.Add("the profile's escalation.on_call_phone (with Twilio:AccountSid)");
        }
        return needs.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PublicBaseUrlKey} is required when {string.Join(" and ", needs)} is set: escalation cards and on-call texts link to {{base}}/staff/escalations/{{id}}.");
    }
}
