using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>Outcome of sending an SMS. HTTP failures are results, never exceptions.</summary>
public abstract record SmsSendResult
{
    private SmsSendResult()
    {
    }

    /// <summary>Twilio accepted the message.</summary>
    /// <param name="MessageSid">The message SID (<c>SM…</c>).</param>
    /// <param name="Status">Initial status, usually <c>queued</c> or <c>accepted</c>.</param>
    public sealed record Sent(string MessageSid, string Status) : SmsSendResult;

    /// <summary>The recipient has opted out (Twilio error 21610); never send again until they text START.</summary>
    public sealed record OptedOut : SmsSendResult;

    /// <summary>Twilio refused the message for a reason retrying will not fix (bad number, bad credentials, missing settings).</summary>
    /// <param name="Code">Twilio error code, the HTTP status when the body had none, or 0 when nothing was sent.</param>
    /// <param name="Message">Twilio's explanation.</param>
    public sealed record PermanentFailure(int Code, string Message) : SmsSendResult;

    /// <summary>A server error, throttling, timeout or network failure: the caller should retry later.</summary>
    /// <param name="Message">What went wrong.</param>
    public sealed record TransientFailure(string Message) : SmsSendResult;
}

/// <summary>
/// Sends SMS through Twilio's REST API (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>)
/// with HTTP Basic auth. Register it as a typed <see cref="HttpClient"/>.
/// </summary>
/// <param name="httpClient">Client used for the call; its <c>Timeout</c> bounds each attempt.</param>
/// <param name="options">Account SID, auth token, API base URL and sender.</param>
public sealed class TwilioRestClient(HttpClient httpClient, IOptions<TwilioOptions> options)
{
    /// <summary>Twilio's error code for a recipient who has opted out.</summary>
    public const int OptedOutErrorCode = 21610;

    /// <summary>
    /// Sends an SMS from the configured messaging service (preferred) or sender number.
    /// </summary>
    /// <param name="to">Recipient in E.164 form.</param>
    /// <param name="body">Message text (Twilio allows up to 1600 characters).</param>
    /// <param name="statusCallback">URL for delivery status callbacks, or null.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The outcome; failures are results, not exceptions.</returns>
    public Task<SmsSendResult> SendSmsAsync(
        string to,
        string body,
        string? statusCallback,
        CancellationToken cancellationToken) => SendSmsAsync(to, body, null, statusCallback, cancellationToken);

    /// <summary>
    /// Sends an SMS from the configured messaging service (preferred), else from <paramref name="from"/>
    /// (a location's own number), else from the configured sender number.
    /// </summary>
    /// <param name="to">Recipient in E.164 form.</param>
    /// <param name="body">Message text (Twilio allows up to 1600 characters).</param>
    /// <param name="from">Sender number for this message, or null for the configured one.</param>
    /// <param name="statusCallback">URL for delivery status callbacks, or null.</param>
    /// <param name="cancellationToken">Cancels the call; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The outcome; failures are results, not exceptions.</returns>
    public async Task<SmsSendResult> SendSmsAsync(
        string to,
        string body,
        string? from,
        string? statusCallback,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(body);

        var twilio = options.Value;
        if (string.IsNullOrEmpty(twilio.AccountSid) || string.IsNullOrEmpty(twilio.AuthToken))
        {
            return new SmsSendResult.PermanentFailure(0, "Twilio:AccountSid and Twilio:AuthToken must be configured.");
        }

        var fields = new List<KeyValuePair<string, string>> { new("To", to) };
        if (!string.IsNullOrEmpty(twilio.MessagingServiceSid))
        {
            fields.Add(new("MessagingServiceSid", twilio.MessagingServiceSid));
        }
        else if (!string.IsNullOrEmpty(from ?? twilio.FromNumber))
        {
            fields.Add(new("From", from ?? twilio.FromNumber!));
        }
        else
        {
            return new SmsSendResult.PermanentFailure(0, "Twilio:MessagingServiceSid or Twilio:FromNumber must be configured.");
        }

        fields.Add(new("Body", body));
        if (!string.IsNullOrEmpty(statusCallback))
        {
            fields.Add(new("StatusCallback", statusCallback));
        }

        var url = $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));

        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken);
            var content = await response.Content.ReadAsStringAsync(cancellationToken);
            return Interpret(response.StatusCode, content);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; the caller did not cancel.
            return new SmsSendResult.TransientFailure("Twilio did not answer in time.");
        }
        catch (HttpRequestException ex)
        {
            return new SmsSendResult.TransientFailure($"Could not reach Twilio: {ex.Message}");
        }
    }

    private static SmsSendResult Interpret(HttpStatusCode status, string content)
    {
        var (code, message, sid, messageStatus) = ReadTwilioJson(content);
        var statusNumber = (int)status;

        if (statusNumber is >= 200 and < 300)
        {
            // Twilio accepted the message; a retry would send it twice even if the body is odd.
            return new SmsSendResult.Sent(sid ?? "", messageStatus ?? "unknown");
        }

        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || statusNumber >= 500)
        {
            return new SmsSendResult.TransientFailure($"Twilio answered HTTP {statusNumber}: {message ?? "no details"}");
        }

        if (code == OptedOutErrorCode)
        {
            return new SmsSendResult.OptedOut();
        }

        return new SmsSendResult.PermanentFailure(code ?? statusNumber, message ?? $"Twilio answered HTTP {statusNumber}.");
    }

    private static (int? Code, string? Message, string? Sid, string? Status) ReadTwilioJson(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            var root = document.RootElement;
            int? code = root.TryGetProperty("code", out var codeElement) && codeElement.ValueKind == JsonValueKind.Number
                && codeElement.TryGetInt32(out var parsed) ? parsed : null;
            return (code, StringProperty(root, "message"), StringProperty(root, "sid"), StringProperty(root, "status"));
        }
        catch (JsonException)
        {
            return default;
        }

        static string? StringProperty(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
