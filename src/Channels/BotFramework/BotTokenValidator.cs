using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
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
/// The metadata and keys come from IdentityModel's <see cref="ConfigurationManager{T}"/>: fetched
/// once, refreshed daily, and refreshed early (at most every five minutes) when a token names a key
/// we have not seen. Register as a singleton: the key cache lives in the instance.
/// </summary>
public sealed class BotTokenValidator
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched key set is trusted before it is fetched again.</summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromHours(24);

    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;

    /// <summary>Creates a validator.</summary>
    /// <param name="httpClient">Client used to fetch the OpenID metadata and the key set.</param>
    /// <param name="options">Bot Framework settings (app id, metadata URL, issuer).</param>
    /// <param name="timeProvider">Clock for token lifetime.</param>
    /// <param name="logger">Logger; tokens are never logged.</param>
    public BotTokenValidator(
        HttpClient httpClient,
        IOptions<BotFrameworkOptions> options,
        TimeProvider timeProvider,
        ILogger<BotTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var metadataUrl = new Uri(_options.OpenIdMetadataUrl);
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl.AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            // Plain http only when the configured metadata URL itself is (a local test server).
            new HttpDocumentRetriever(httpClient) { RequireHttps = metadataUrl.Scheme == Uri.UriSchemeHttps })
        {
            AutomaticRefreshInterval = KeyRefreshInterval,
            // A token naming an unknown key asks for a refresh, but not more often than this,
            // so a stream of forged tokens with random kids cannot hammer the metadata endpoint.
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
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

        var keys = await SigningKeysAsync(unverified.Kid, cancellationToken);
        if (keys is null || keys.Count == 0)
        {
            return BotTokenValidationResult.Invalid("signing keys unavailable");
        }

        var parameters = new TokenValidationParameters
        {
            // SECURITY: every switch below is part of the Bot Framework auth contract.
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = keys,
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

    /// <summary>
    /// The connector's signing keys. A token naming a key not among them asks the manager for a
    /// refresh; the manager fetches in the background, so that token may still fail and the next one
    /// signed with the new key passes (the connector publishes keys well before it signs with them).
    /// </summary>
    private async Task<ICollection<SecurityKey>?> SigningKeysAsync(string? kid, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            if (!string.IsNullOrEmpty(kid) && !configuration.SigningKeys.Any(key => key.KeyId == kid))
            {
                _metadata.RequestRefresh();
                configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            }

            return configuration.SigningKeys;
        }
        catch (InvalidOperationException ex)
        {
            // No metadata yet (unreachable or malformed): IdentityModel wraps the cause.
            _logger.LogWarning(ex, "Could not fetch the Bot Framework signing keys");
            return null;
        }
    }
}
