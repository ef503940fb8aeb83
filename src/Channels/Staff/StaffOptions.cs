using System.ComponentModel.DataAnnotations;

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
