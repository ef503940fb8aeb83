using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.BotFramework;

/// <summary>Outcome of sending a reply to the Bot Connector.</summary>
/// <param name="Succeeded">True when the connector accepted the reply.</param>
/// <param name="StatusCode">HTTP status of the failing call, when there was one.</param>
/// <param name="Error">Why the reply was not delivered; for logs.</param>
public sealed record BotReplyResult(bool Succeeded, HttpStatusCode? StatusCode, string? Error)
{
    /// <summary>The reply was accepted.</summary>
    public static BotReplyResult Success { get; } = new(true, null, null);

    /// <summary>The reply was not delivered.</summary>
    public static BotReplyResult Failure(string error, HttpStatusCode? statusCode = null) => new(false, statusCode, error);
}

/// <summary>
/// Sends replies to the Bot Connector: obtains an app token with the client-credentials grant
/// (cached until shortly before it expires) and posts the reply activity to
/// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>.
/// Never throws on HTTP failures. Register as a singleton: the token cache lives in the instance.
/// </summary>
public sealed class BotConnectorClient : IDisposable
{
    // Renew this long before the token's stated expiry, so a token never dies in flight.
    private static readonly TimeSpan TokenRenewalMargin = TimeSpan.FromMinutes(5);

    private readonly HttpClient _httpClient;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotConnectorClient> _logger;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private AppToken? _token;

    /// <summary>Creates a connector client.</summary>
    /// <param name="httpClient">Client for the token endpoint and the connector.</param>
    /// <param name="options">Bot Framework settings (app id, password, token endpoint, scope).</param>
    /// <param name="timeProvider">Clock for the token cache.</param>
    /// <param name="logger">Logger; tokens and the app password are never logged.</param>
    public BotConnectorClient(
        HttpClient httpClient,
        IOptions<BotFrameworkOptions> options,
        TimeProvider timeProvider,
        ILogger<BotConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Builds the reply to <paramref name="incoming"/>: from and recipient swapped, conversation,
    /// channel and serviceUrl copied, <c>replyToId</c> set to the incoming id.
    /// </summary>
    /// <param name="incoming">The activity being answered.</param>
    /// <param name="text">The reply text.</param>
    /// <param name="timeProvider">Clock for the reply's timestamp.</param>
    /// <returns>A message activity.</returns>
    public static Activity CreateReply(Activity incoming, string text, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new Activity
        {
            Type = ActivityTypes.Message,
            TimestampUtc = timeProvider.GetUtcNow(),
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            From = incoming.Recipient,
            Recipient = incoming.From,
            Conversation = incoming.Conversation,
            ReplyToId = incoming.Id,
            Locale = incoming.Locale,
            Text = text,
        };
    }

    /// <summary>
    /// Replies to <paramref name="incoming"/> with <paramref name="text"/>.
    /// The incoming activity must already have passed <see cref="BotTokenValidator"/>: its
    /// serviceUrl is where our app token is sent.
    /// </summary>
    /// <param name="incoming">The validated activity being answered.</param>
    /// <param name="text">The reply text.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Success, or a failure with the reason.</returns>
    public async Task<BotReplyResult> ReplyAsync(Activity incoming, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var replyUri = BuildReplyUri(incoming, out var problem);
        if (replyUri is null)
        {
            return BotReplyResult.Failure(problem!);
        }

        var reply = CreateReply(incoming, text, _timeProvider);
        try
        {
            var token = await GetTokenAsync(cancellationToken);
            if (token is null)
            {
                return BotReplyResult.Failure("could not obtain an app token");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, replyUri)
            {
                Content = JsonContent.Create(reply, options: BotFrameworkJson.Options),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _httpClient.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return BotReplyResult.Success;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The connector no longer accepts the cached token (revoked or rotated): fetch anew next time.
                _token = null;
            }

            _logger.LogWarning("Bot Connector refused the reply with {StatusCode}", (int)response.StatusCode);
            return BotReplyResult.Failure("connector answered " + (int)response.StatusCode, response.StatusCode);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            _logger.LogWarning(ex, "Could not reach the Bot Connector");
            return BotReplyResult.Failure("connector unreachable: " + ex.GetType().Name);
        }
    }

    /// <summary>
    /// The URL a reply to <paramref name="incoming"/> is posted to, or null (with the reason)
    /// when the activity lacks what a reply needs.
    /// </summary>
    /// <param name="incoming">The activity being answered.</param>
    /// <param name="problem">Why no URL could be built; null on success.</param>
    /// <returns>The reply URL, or null.</returns>
    public static Uri? BuildReplyUri(Activity incoming, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        problem = null;
        if (string.IsNullOrEmpty(incoming.Conversation?.Id) || string.IsNullOrEmpty(incoming.Id))
        {
            problem = "activity has no conversation id or activity id";
            return null;
        }

        if (!Uri.TryCreate(incoming.ServiceUrl, UriKind.Absolute, out var serviceUri) || !IsAllowedServiceUri(serviceUri))
        {
            problem = "activity has no usable serviceUrl";
            return null;
        }

        var baseUrl = serviceUri.AbsoluteUri.TrimEnd('/');
        return new Uri(
            $"{baseUrl}/v3/conversations/{Uri.EscapeDataString(incoming.Conversation.Id)}/activities/{Uri.EscapeDataString(incoming.Id)}");
    }

    /// <inheritdoc />
    public void Dispose() => _tokenLock.Dispose();

    // SECURITY: the app token goes to this host. Only HTTPS, except plain HTTP on loopback
    // (local emulator and tests).
    private static bool IsAllowedServiceUri(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or JsonException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _token;
        if (cached is not null && _timeProvider.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            cached = _token;
            var now = _timeProvider.GetUtcNow();
            if (cached is not null && now < cached.RenewAt)
            {
                return cached.Value;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.AppId,
                ["client_secret"] = _options.AppPassword,
                ["scope"] = _options.Scope,
            });
            using var response = await _httpClient.PostAsync(new Uri(_options.EffectiveTokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("Token endpoint answered {StatusCode}", (int)response.StatusCode);
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = body.RootElement;
            if (!root.TryGetProperty("access_token", out var accessToken) || accessToken.ValueKind != JsonValueKind.String)
            {
                _logger.LogWarning("Token endpoint answered without an access_token");
                return null;
            }

            var lifetime = TimeSpan.FromSeconds(ReadExpiresIn(root));
            // Short-lived tokens: renew at half-life rather than never caching them.
            var margin = lifetime > TokenRenewalMargin * 2 ? TokenRenewalMargin : lifetime / 2;
            _token = new AppToken(accessToken.GetString()!, now + lifetime - margin);
            return _token.Value;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    // expires_in is a number per RFC 6749, but some endpoints send it as a string.
    private static double ReadExpiresIn(JsonElement root)
    {
        if (!root.TryGetProperty("expires_in", out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var seconds) => Math.Max(0, seconds),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) => Math.Max(0, seconds),
            _ => 0,
        };
    }

    private sealed record AppToken(string Value, DateTimeOffset RenewAt);
}
