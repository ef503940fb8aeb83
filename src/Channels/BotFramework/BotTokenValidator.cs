using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FrontDesk.Channels.BotFramework;

/// <summary>How an inbound Bot Framework request fared; see <see cref="BotTokenValidationResult"/>.</summary>
public enum BotTokenValidationKind
{
    /// <summary>The token is genuine and was issued for this activity's connector.</summary>
    Valid,

    /// <summary>Missing, malformed, badly signed, expired or foreign token: answer 401.</summary>
    Unauthorized,

    /// <summary>A genuine token, but not for this activity's <c>serviceUrl</c>: answer 403.</summary>
    Forbidden,
}

/// <summary>Outcome of <see cref="BotTokenValidator.ValidateAsync"/>.</summary>
/// <param name="Kind">Valid, or which rejection.</param>
/// <param name="Reason">Why the token was rejected; for logs, never for the response body.</param>
public sealed record BotTokenValidationResult(BotTokenValidationKind Kind, string? Reason)
{
    /// <summary>The token was accepted.</summary>
    public static BotTokenValidationResult Valid { get; } = new(BotTokenValidationKind.Valid, null);

    /// <summary>True when the token was accepted.</summary>
    public bool IsValid => Kind == BotTokenValidationKind.Valid;

    /// <summary>A rejection to answer with 401.</summary>
    public static BotTokenValidationResult Invalid(string reason) => new(BotTokenValidationKind.Unauthorized, reason);

    /// <summary>A rejection to answer with 403.</summary>
    public static BotTokenValidationResult Forbidden(string reason) => new(BotTokenValidationKind.Forbidden, reason);
}

/// <summary>
/// Validates the bearer token the Bot Connector sends with every activity: RS256 from a key in
/// the connector's published key set, issuer, audience (our app id), lifetime with five minutes'
/// skew, and a <c>serviceurl</c> claim equal to the activity's <c>serviceUrl</c>.
/// Keys are cached for a day and re-fetched when a token names a key we have not seen.
/// Register as a singleton: the key cache lives in the instance.
/// </summary>
public sealed class BotTokenValidator : IDisposable
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched key set is trusted before it is fetched again.</summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromHours(24);

    // A token naming an unknown key triggers a re-fetch, but not more often than this,
    // so a stream of forged tokens with random kids cannot hammer the metadata endpoint.
    private static readonly TimeSpan UnknownKeyRefreshMinInterval = TimeSpan.FromMinutes(5);

    private readonly HttpClient _httpClient;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile SigningKeySet? _keys;

    /// <summary>Creates a validator.</summary>
    /// <param name="httpClient">Client used to fetch the OpenID metadata and the key set.</param>
    /// <param name="options">Bot Framework settings (app id, metadata URL, issuer).</param>
    /// <param name="timeProvider">Clock for token lifetime and key-cache age.</param>
    /// <param name="logger">Logger; tokens are never logged.</param>
    public BotTokenValidator(
        HttpClient httpClient,
        IOptions<BotFrameworkOptions> options,
        TimeProvider timeProvider,
        ILogger<BotTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Validates the <c>Authorization</c> header of an inbound activity.</summary>
    /// <param name="authorizationHeader">The raw header value, e.g. <c>Bearer eyJ…</c>; null when absent.</param>
    /// <param name="activityServiceUrl">The <c>serviceUrl</c> of the activity in the request body.</param>
    /// <param name="cancellationToken">Cancels the key fetch.</param>
    /// <returns>Valid, Unauthorized (401) or Forbidden (403).</returns>
    public async Task<BotTokenValidationResult> ValidateAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        CancellationToken cancellationToken)
    {
        const string bearerPrefix = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith(bearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return BotTokenValidationResult.Invalid("missing bearer token");
        }

        var rawToken = authorizationHeader[bearerPrefix.Length..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            return BotTokenValidationResult.Invalid("malformed token");
        }

        var keys = await GetKeysAsync(unverified.Kid, cancellationToken);
        if (keys is null || keys.Keys.Count == 0)
        {
            return BotTokenValidationResult.Invalid("signing keys unavailable");
        }

        var parameters = new TokenValidationParameters
        {
            // SECURITY: every switch below is part of the Bot Framework auth contract.
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = keys.Keys,
            ValidateIssuerSigningKey = false, // keys come from the trusted metadata; no cert chain to check
            ValidateIssuer = true,
            ValidIssuer = _options.Issuer,
            ValidateAudience = true,
            ValidAudience = _options.AppId,
            // Lifetime is checked below against the injected clock, so tests can move time.
            ValidateLifetime = false,
            ValidateTokenReplay = false,
        };

        var result = await _handler.ValidateTokenAsync(rawToken, parameters);
        if (!result.IsValid)
        {
            return BotTokenValidationResult.Invalid(DescribeFailure(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        var lifetimeProblem = CheckLifetime(token);
        if (lifetimeProblem is not null)
        {
            return BotTokenValidationResult.Invalid(lifetimeProblem);
        }

        // The connector's serviceUrl is where we later send our own token; only a serviceUrl
        // vouched for by the signed token may be used, or a forged activity could steal it.
        var claimedServiceUrl = token.Claims
            .FirstOrDefault(c => string.Equals(c.Type, "serviceurl", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrEmpty(claimedServiceUrl))
        {
            return BotTokenValidationResult.Forbidden("token has no serviceurl claim");
        }

        if (!string.Equals(claimedServiceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotTokenValidationResult.Forbidden("serviceurl claim does not match the activity's serviceUrl");
        }

        return BotTokenValidationResult.Valid;
    }

    /// <inheritdoc />
    public void Dispose() => _refreshLock.Dispose();

    private string? CheckLifetime(JsonWebToken token)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return "token has no expiry";
        }

        if (now > token.ValidTo + ClockSkew)
        {
            return "token expired";
        }

        var hasNotBefore = token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _);
        if (hasNotBefore && now < token.ValidFrom - ClockSkew)
        {
            return "token not yet valid";
        }

        return null;
    }

    private static string DescribeFailure(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signed by an unknown key",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenMalformedException => "malformed token",
        null => "invalid token",
        _ => "invalid token: " + exception.GetType().Name,
    };

    private async Task<SigningKeySet?> GetKeysAsync(string? kid, CancellationToken cancellationToken)
    {
        var current = _keys;
        var now = _timeProvider.GetUtcNow();
        if (current is not null && !NeedsRefresh(current, kid, now))
        {
            return current;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            current = _keys;
            now = _timeProvider.GetUtcNow();
            if (current is not null && !NeedsRefresh(current, kid, now))
            {
                return current;
            }

            try
            {
                var fetched = await FetchKeysAsync(now, cancellationToken);
                _keys = fetched;
                return fetched;
            }
            catch (Exception ex) when (IsFetchFailure(ex, cancellationToken))
            {
                _logger.LogWarning(ex, "Could not fetch Bot Framework signing keys; keeping the cached set");
                if (current is not null)
                {
                    // Keep serving the old keys, and wait before asking again.
                    _keys = current with { FetchedAt = now - KeyRefreshInterval + UnknownKeyRefreshMinInterval };
                }

                return current;
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static bool IsFetchFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or JsonException or ArgumentException or InvalidOperationException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool NeedsRefresh(SigningKeySet keys, string? kid, DateTimeOffset now)
    {
        if (now - keys.FetchedAt >= KeyRefreshInterval)
        {
            return true;
        }

        var unknownKid = !string.IsNullOrEmpty(kid) && !keys.Kids.Contains(kid);
        return unknownKid && now - keys.FetchedAt >= UnknownKeyRefreshMinInterval;
    }

    private async Task<SigningKeySet> FetchKeysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(
            await _httpClient.GetStringAsync(new Uri(_options.OpenIdMetadataUrl), cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var value)
                      && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (string.IsNullOrEmpty(jwksUri))
        {
            throw new InvalidOperationException("OpenID metadata has no jwks_uri");
        }

        var jwksJson = await _httpClient.GetStringAsync(new Uri(jwksUri), cancellationToken);
        var keySet = new JsonWebKeySet(jwksJson);
        var keys = keySet.Keys
            .Where(k => k.Kty == JsonWebAlgorithmsKeyTypes.RSA && (string.IsNullOrEmpty(k.Use) || k.Use == "sig"))
            .ToList();
        var kids = keys.Select(k => k.Kid).Where(k => !string.IsNullOrEmpty(k)).ToHashSet(StringComparer.Ordinal);
        _logger.LogInformation("Fetched {Count} Bot Framework signing keys", keys.Count);
        return new SigningKeySet(keys, kids, now);
    }

    private sealed record SigningKeySet(IReadOnlyList<SecurityKey> Keys, HashSet<string> Kids, DateTimeOffset FetchedAt);
}
