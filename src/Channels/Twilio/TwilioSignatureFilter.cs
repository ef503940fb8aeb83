using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Endpoint filter that answers 403 (no body) unless the request carries a valid
/// <c>X-Twilio-Signature</c>. Apply it with <see cref="TwilioSignatureEndpointExtensions.RequireTwilioSignature{TBuilder}"/>.
/// </summary>
/// <remarks>
/// The URL checked is <c>FrontDesk:PublicBaseUrl</c> + path + query when that key is set, else
/// the URL as received (see <see cref="TwilioOptions.TrustForwardedHeaders"/>). While
/// <c>Twilio:AuthToken</c> is empty every request is rejected.
/// </remarks>
/// <param name="options">Twilio settings, read per request so a rotated token applies at once.</param>
/// <param name="configuration">Source of <c>FrontDesk:PublicBaseUrl</c>.</param>
/// <param name="logger">Logs rejections (never the token or the signature).</param>
public sealed class TwilioSignatureFilter(
    IOptionsMonitor<TwilioOptions> options,
    IConfiguration configuration,
    ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var request = context.HttpContext.Request;
        var twilio = options.CurrentValue;
        if (string.IsNullOrEmpty(twilio.AuthToken))
        {
            logger.LogWarning("Rejected a Twilio webhook to {Path}: Twilio:AuthToken is not configured", request.Path);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var signedUrl = TwilioSignature.ResolveSignedUrl(
            request, configuration[TwilioOptions.PublicBaseUrlKey], twilio.TrustForwardedHeaders);
        if (!await TwilioSignature.IsValidRequestAsync(request, signedUrl, twilio.AuthToken, context.HttpContext.RequestAborted))
        {
            logger.LogWarning(
                "Rejected a request to {Path}: missing or invalid Twilio signature (checked against {SignedUrl})",
                request.Path,
                Redact(signedUrl));
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    /// <summary>
    /// The checked URL is what diagnoses a wrong FrontDesk:PublicBaseUrl or proxy setup, the usual
    /// cause of every request failing; log it without the query (phone numbers) or user info (a password).
    /// </summary>
    internal static string Redact(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var withoutQuery = queryStart < 0 ? url : url[..queryStart];
        var authorityStart = withoutQuery.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = authorityStart < 3 ? -1 : withoutQuery.IndexOf('@', authorityStart);
        var slash = withoutQuery.IndexOf('/', Math.Max(authorityStart, 0));
        return at >= 0 && (slash < 0 || at < slash)
            ? withoutQuery[..authorityStart] + "***@" + withoutQuery[(at + 1)..]
            : withoutQuery;
    }
}

/// <summary>Applies <see cref="TwilioSignatureFilter"/> to endpoints and groups.</summary>
public static class TwilioSignatureEndpointExtensions
{
    /// <summary>
    /// Requires a valid Twilio signature on a minimal-API endpoint or on every endpoint of a group.
    /// Also turns on request buffering for JSON-body webhooks before parameter binding, so the
    /// filter can hash the raw body even when the handler binds it.
    /// </summary>
    /// <remarks>
    /// Handlers that bind form fields (<c>[FromForm]</c>, <c>IFormCollection</c>) get antiforgery
    /// metadata; Twilio sends no antiforgery token, so such endpoints also need <c>DisableAntiforgery()</c>.
    /// </remarks>
    /// <typeparam name="TBuilder">A <c>RouteHandlerBuilder</c> or <c>RouteGroupBuilder</c>.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder RequireTwilioSignature<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter<TBuilder, TwilioSignatureFilter>();
        builder.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is not { } inner)
            {
                return;
            }

            endpoint.RequestDelegate = httpContext =>
            {
                if (httpContext.Request.Query.ContainsKey(TwilioSignature.BodyHashParameter))
                {
                    httpContext.Request.EnableBuffering();
                }

                return inner(httpContext);
            };
        });
        return builder;
    }
}
