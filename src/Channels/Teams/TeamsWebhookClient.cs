using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FrontDesk.Channels.Teams;

/// <summary>How a webhook post went, and so what the sender should do next.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>Accepted; done.</summary>
    Delivered,

    /// <summary>Rate limited; retry after <see cref="WebhookDeliveryResult.RetryAfter"/> or a backoff.</summary>
    Throttled,

    /// <summary>Server error, network failure or timeout; retry with backoff.</summary>
    TransientFailure,

    /// <summary>Rejected (bad URL, payload, or a removed flow); retrying will not help.</summary>
    PermanentFailure,
}

/// <summary>Outcome of <see cref="TeamsWebhookClient.SendAsync"/>.</summary>
/// <param name="Outcome">Delivered, throttled, or which failure.</param>
/// <param name="StatusCode">HTTP status, when a response arrived.</param>
/// <param name="RetryAfter">The server's Retry-After, when it gave one.</param>
/// <param name="Detail">Short description for logs; never contains the webhook URL.</param>
public sealed record WebhookDeliveryResult(
    WebhookDeliveryOutcome Outcome,
    HttpStatusCode? StatusCode,
    TimeSpan? RetryAfter,
    string? Detail);

/// <summary>
/// Posts a JSON message to a Teams Workflows webhook (also works for Slack incoming webhooks)
/// and classifies the answer. Never throws on HTTP or network failures.
/// </summary>
public sealed partial class TeamsWebhookClient
{
    private const int MaxBodyBytesRead = 8 * 1024;
    private const int MaxDetailChars = 200;

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TeamsWebhookClient> _logger;

    /// <summary>Creates a webhook client.</summary>
    /// <param name="httpClient">Client used for the posts; its timeout bounds each attempt.</param>
    /// <param name="timeProvider">Clock for Retry-After given as a date.</param>
    /// <param name="logger">Logger; the webhook URL carries a signature and is never logged.</param>
    public TeamsWebhookClient(HttpClient httpClient, TimeProvider timeProvider, ILogger<TeamsWebhookClient> logger)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>POSTs <paramref name="payloadJson"/> to <paramref name="webhookUrl"/>.</summary>
    /// <param name="webhookUrl">The webhook URL (HTTPS; plain HTTP only on loopback).</param>
    /// <param name="payloadJson">The message, e.g. from <see cref="TeamsEscalationCard.BuildWebhookPayload"/>.</param>
    /// <param name="cancellationToken">Cancels the post; cancellation is thrown, not classified.</param>
    /// <returns>The classified outcome.</returns>
    public async Task<WebhookDeliveryResult> SendAsync(string webhookUrl, string payloadJson, CancellationToken cancellationToken)
    {
        // SECURITY: the URL itself is the credential (it carries a signature); never log it.
        if (!Uri.TryCreate(webhookUrl, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.PermanentFailure, null, null, "webhook URL is not an HTTPS URL");
        }

        try
        {
            using var content = new StringContent(payloadJson ?? "", Encoding.UTF8, "application/json");
            using var response = await _httpClient.PostAsync(uri, content, cancellationToken);
            var body = await ReadBodyPrefixAsync(response, cancellationToken);
            var result = Classify(response, body);
            if (result.Outcome != WebhookDeliveryOutcome.Delivered)
            {
                _logger.LogWarning(
                    "Webhook post to {Host} was {Outcome} ({StatusCode})",
                    uri.Host, result.Outcome, (int)response.StatusCode);
            }

            return result;
        }
        catch (HttpRequestException ex)
        {
            _logger.LogWarning("Webhook post to {Host} failed: {Error}", uri.Host, ex.HttpRequestError);
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.TransientFailure, null, null, "network error: " + ex.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Webhook post to {Host} timed out", uri.Host);
            return new WebhookDeliveryResult(WebhookDeliveryOutcome.TransientFailure, null, null, "timed out");
        }
    }

    private WebhookDeliveryResult Classify(HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var retryAfter = ReadRetryAfter(response);
        var detail = body.Length > MaxDetailChars ? body[..MaxDetailChars] : body;

        if (status == HttpStatusCode.TooManyRequests)
        {
            return new(WebhookDeliveryOutcome.Throttled, status, retryAfter, detail);
        }

        if (code is >= 200 and < 300)
        {
            // Teams quirk: throttling can come back as a 200 whose body says
            // "Microsoft Teams endpoint returned HTTP error 429".
            return Mentions429().IsMatch(body)
                ? new(WebhookDeliveryOutcome.Throttled, status, retryAfter, detail)
                : new(WebhookDeliveryOutcome.Delivered, status, null, null);
        }

        // 408 Request Timeout is the one 4xx that says "try again".
        if (code >= 500 || status == HttpStatusCode.RequestTimeout)
        {
            return new(WebhookDeliveryOutcome.TransientFailure, status, retryAfter, detail);
        }

        return new(WebhookDeliveryOutcome.PermanentFailure, status, null, detail);
    }

    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // Only the start of the body matters for classification; never buffer an unbounded answer.
    private static async Task<string> ReadBodyPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytesRead];
        var total = 0;
        int read;
        while (total < buffer.Length
               && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    [GeneratedRegex(@"\b429\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Mentions429();
}
