using System.ComponentModel.DataAnnotations;

namespace FrontDesk.Channels.WebChat;

/// <summary>Web chat settings, bound from <see cref="Section"/> and validated at start-up.</summary>
public sealed class WebChatOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "FrontDesk:Web";

    /// <summary>A session idle longer than this starts a new conversation.</summary>
    [Range(1, 43_200, ErrorMessage = "FrontDesk:Web:SessionIdleMinutes must be between 1 and 43200 (30 days).")]
    public int SessionIdleMinutes { get; set; } = 240;

    /// <summary>Messages one client address may send per minute (all sessions together); 0 turns the per-address limit off.</summary>
    [Range(0, 100_000, ErrorMessage = "FrontDesk:Web:PerAddressPerMinute must be between 0 (no per-address limit) and 100000.")]
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Messages one session may send per minute.</summary>
    [Range(1, 10_000, ErrorMessage = "FrontDesk:Web:PerSessionPerMinute must be between 1 and 10000.")]
    public int PerSessionPerMinute { get; set; } = 20;

    /// <summary>How often the widget asks for new turns (staff replies) while it is open.</summary>
    [Range(1, 300, ErrorMessage = "FrontDesk:Web:HistoryPollSeconds must be between 1 and 300.")]
    public int HistoryPollSeconds { get; set; } = 4;

    /// <summary>
    /// Origins (scheme://host[:port]) of other sites allowed to call the chat API from a browser, e.g. the spa's
    /// own website embedding the widget. Empty: only pages served by this host.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (origin == "*")
            {
                continue;
            }
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || origin.EndsWith('/') || !string.IsNullOrEmpty(uri.Query))
            {
                yield return new ValidationResult(
                    $"FrontDesk:Web:AllowedOrigins:{i} ('{origin}') must be an origin such as https://www.example.com (scheme and host, no path).",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
