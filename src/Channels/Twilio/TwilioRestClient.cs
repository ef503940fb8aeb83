using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using SdkHttpClient = Twilio.Http.HttpClient;
using SdkRequest = Twilio.Http.Request;
using SdkResponse = Twilio.Http.Response;
using SdkRestClient = Twilio.Clients.TwilioRestClient;

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
/// Sends SMS with the Twilio SDK's <c>MessageResource</c>, over an <see cref="HttpClient"/> we own
/// (its timeout, the caller's cancellation, and <see cref="TwilioOptions.ApiBaseUrl"/> so tests talk to a local server).
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

        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = body };
        if (!string.IsNullOrEmpty(twilio.MessagingServiceSid))
        {
            message.MessagingServiceSid = twilio.MessagingServiceSid;
        }
        else if (!string.IsNullOrEmpty(from ?? twilio.FromNumber))
        {
            message.From = new PhoneNumber(from ?? twilio.FromNumber);
        }
        else
        {
            return new SmsSendResult.PermanentFailure(0, "Twilio:MessagingServiceSid or Twilio:FromNumber must be configured.");
        }

        if (!string.IsNullOrEmpty(statusCallback))
        {
            message.StatusCallback = new Uri(statusCallback);
        }

        var http = new OwnedHttp(httpClient, new Uri(twilio.ApiBaseUrl), cancellationToken);
        var client = new SdkRestClient(twilio.AccountSid, twilio.AuthToken, httpClient: http);
        try
        {
            var sent = await MessageResource.CreateAsync(message, client);
            // Twilio accepted the message; a retry would send it twice even if the body is odd.
            return new SmsSendResult.Sent(sent?.Sid ?? "", sent?.Status?.ToString() ?? "unknown");
        }
        catch (ApiException ex)
        {
            // The SDK reports status 0 when the error body is not Twilio's JSON; the response itself has it.
            var status = ex.Status != 0 ? ex.Status : (int)(http.LastResponse?.StatusCode ?? 0);
            if (status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500)
            {
                return new SmsSendResult.TransientFailure($"Twilio answered HTTP {status}: {ex.Message}");
            }

            return ex.Code == OptedOutErrorCode
                ? new SmsSendResult.OptedOut()
                : new SmsSendResult.PermanentFailure(ex.Code != 0 ? ex.Code : status, ex.Message);
        }
        catch (ApiConnectionException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ApiConnectionException ex) when (ex.InnerException is OperationCanceledException)
        {
            // HttpClient reports its own timeout as a cancellation; the caller did not cancel.
            return new SmsSendResult.TransientFailure("Twilio did not answer in time.");
        }
        catch (ApiConnectionException ex)
        {
            return new SmsSendResult.TransientFailure($"Could not reach Twilio: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>
    /// The SDK's HTTP seam: sends its request through our <see cref="HttpClient"/>, at our API base
    /// URL, with the caller's cancellation (the SDK's own client takes neither).
    /// </summary>
    private sealed class OwnedHttp(HttpClient httpClient, Uri apiBaseUrl, CancellationToken cancellationToken) : SdkHttpClient
    {
        public override SdkResponse MakeRequest(SdkRequest request) =>
            MakeRequestAsync(request).GetAwaiter().GetResult();

        public override async Task<SdkResponse> MakeRequestAsync(SdkRequest request)
        {
            var sdkUrl = request.ConstructUrl();
            var url = new Uri(apiBaseUrl, sdkUrl.PathAndQuery);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method.ToString()), url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Authentication(request.Username, request.Password));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.Method != global::Twilio.Http.HttpMethod.Get)
            {
                message.Content = new FormUrlEncodedContent(request.PostParams);
            }

            LastRequest = request;
            using var response = await httpClient.SendAsync(message, cancellationToken);
            LastResponse = new SdkResponse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            return LastResponse;
        }
    }
}
