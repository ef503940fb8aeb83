using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace FrontDesk.Channels.Twilio;

/// <summary>
/// Computes and checks the <c>X-Twilio-Signature</c> header Twilio sends with every webhook
/// (see <c>shared/protocols.md</c>, "Twilio request signatures").
/// </summary>
public static class TwilioSignature
{
    /// <summary>Name of the request header carrying the signature.</summary>
    public const string HeaderName = "X-Twilio-Signature";

    /// <summary>Query parameter Twilio adds to JSON-body requests: lowercase hex SHA-256 of the raw body.</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>Largest JSON body the check reads; a larger one fails validation. Twilio's are a few KB.</summary>
    public const int MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>
    /// Computes the signature of a request: HMAC-SHA1 (key: auth token) over the URL followed by
    /// each parameter's name and value, names sorted byte-wise and a repeated name's values sorted too.
    /// </summary>
    /// <param name="url">The full URL Twilio called, exactly as Twilio wrote it.</param>
    /// <param name="parameters">Decoded form parameters (a name may repeat); empty for GET and JSON requests.</param>
    /// <param name="authToken">The account auth token.</param>
    /// <returns>The base64 signature.</returns>
    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(authToken);

        var sorted = parameters
            .Select(p => (Name: p.Key ?? "", Value: p.Value ?? ""))
            .OrderBy(p => p.Name, Utf8ByteOrder.Instance)
            .ThenBy(p => p.Value, Utf8ByteOrder.Instance);

        var payload = new StringBuilder(url);
        foreach (var (name, value) in sorted)
        {
            payload.Append(name).Append(value);
        }

        return Convert.ToBase64String(HmacSha1(authToken, payload.ToString()));
    }

    /// <summary>
    /// Checks a form-encoded (or GET) request's signature against the URL as received and its
    /// port variant (Twilio is not consistent about default ports), in constant time.
    /// </summary>
    /// <param name="url">The public URL Twilio called.</param>
    /// <param name="parameters">Decoded form parameters; empty for GET.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header value.</param>
    /// <param name="authToken">The account auth token; when null or empty every request is rejected.</param>
    /// <returns>True when the signature matches.</returns>
    public static bool IsValid(
        string url,
        IEnumerable<KeyValuePair<string, string>> parameters,
        string? signature,
        string? authToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var materialized = parameters.ToList();
        var matched = false;
        foreach (var candidate in UrlVariants(url))
        {
            // Non-short-circuit OR: both variants cost the same whichever matches.
            matched |= FixedTimeEquals(Compute(candidate, materialized, authToken), signature);
        }

        return matched;
    }

    /// <summary>Checks a form request's signature; form values with several entries count as repeated names.</summary>
    /// <param name="url">The public URL Twilio called.</param>
    /// <param name="form">The decoded form, e.g. <c>HttpRequest.Form</c>.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header value.</param>
    /// <param name="authToken">The account auth token; when null or empty every request is rejected.</param>
    /// <returns>True when the signature matches.</returns>
    public static bool IsValid(
        string url,
        IFormCollection form,
        string? signature,
        string? authToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var flattened = form.SelectMany(
            field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")));
        return IsValid(url, flattened, signature, authToken);
    }

    /// <summary>
    /// Checks a JSON-body request: the URL must carry exactly one <c>bodySHA256</c> parameter,
    /// the HMAC must match over the URL alone (or its port variant), and the raw body must hash
    /// to that parameter's value.
    /// </summary>
    /// <param name="url">The public URL Twilio called, including <c>bodySHA256</c>.</param>
    /// <param name="body">The raw request body bytes.</param>
    /// <param name="signature">The <c>X-Twilio-Signature</c> header value.</param>
    /// <param name="authToken">The account auth token; when null or empty every request is rejected.</param>
    /// <returns>True when both the signature and the body hash match.</returns>
    public static bool IsValidWithBody(string url, ReadOnlySpan<byte> body, string? signature, string? authToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!TryGetSingleQueryValue(url, BodyHashParameter, out var claimedHash))
        {
            return false;
        }

        var bodyMatches = FixedTimeEquals(ComputeBodyHash(body), claimedHash.ToLowerInvariant());
        var urlMatches = IsValid(url, [], signature, authToken);
        return bodyMatches & urlMatches;
    }

    /// <summary>Lowercase hex SHA-256 of a body, as Twilio writes it in <c>bodySHA256</c>.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string ComputeBodyHash(ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// The URL Twilio signed, rebuilt from the configured public base URL and the request's
    /// path and query. The base URL stands for the application root and may carry a path prefix
    /// (<c>https://spa.example.com/frontdesk</c>); <paramref name="pathAndQuery"/> is relative to
    /// that root (<c>Request.Path</c> + <c>Request.QueryString</c>, not <c>PathBase</c>).
    /// </summary>
    /// <param name="publicBaseUrl">Configured public base URL, with or without a trailing slash.</param>
    /// <param name="pathAndQuery">Path and raw query string, e.g. <c>/twilio/sms?x=1</c>.</param>
    /// <returns>The absolute URL.</returns>
    public static string BuildPublicUrl(string publicBaseUrl, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = publicBaseUrl.TrimEnd('/');
        return pathAndQuery.StartsWith('/') ? root + pathAndQuery : root + "/" + pathAndQuery;
    }

    /// <summary>
    /// The URL as this application received it: scheme, host (case kept), path base, path and the
    /// raw query string. With <paramref name="trustForwardedHeaders"/> the scheme and host come
    /// from <c>X-Forwarded-Proto</c> / <c>X-Forwarded-Host</c> when present.
    /// </summary>
    /// <param name="request">The incoming request.</param>
    /// <param name="trustForwardedHeaders">
    /// SECURITY-SENSITIVE: true only behind a proxy that overwrites those headers; otherwise a
    /// client chooses the URL being checked.
    /// </param>
    /// <returns>The absolute URL.</returns>
    public static string BuildRequestUrl(HttpRequest request, bool trustForwardedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = request.Scheme;
        var host = request.Host.Value ?? "";
        if (trustForwardedHeaders)
        {
            scheme = LastHeaderValue(request.Headers["X-Forwarded-Proto"]) ?? scheme;
            host = LastHeaderValue(request.Headers["X-Forwarded-Host"]) ?? host;
        }

        // Path is decoded by the server; ToUriComponent re-escapes it. Twilio signs the URL it was
        // configured with, which for our ASCII routes is the same text.
        return scheme + "://" + host + request.PathBase.ToUriComponent() + request.Path.ToUriComponent()
            + request.QueryString.ToUriComponent();
    }

    /// <summary>
    /// The URL to check a request against: <see cref="BuildPublicUrl(string, string)"/> when a
    /// public base URL is configured, else <see cref="BuildRequestUrl(HttpRequest, bool)"/>.
    /// </summary>
    /// <param name="request">The incoming request.</param>
    /// <param name="publicBaseUrl">Configured <c>FrontDesk:PublicBaseUrl</c>, or null.</param>
    /// <param name="trustForwardedHeaders">See <see cref="TwilioOptions.TrustForwardedHeaders"/>.</param>
    /// <returns>The absolute URL.</returns>
    public static string ResolveSignedUrl(HttpRequest request, string? publicBaseUrl, bool trustForwardedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(publicBaseUrl)
            ? BuildRequestUrl(request, trustForwardedHeaders)
            : BuildPublicUrl(publicBaseUrl.Trim(), request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
    }

    /// <summary>
    /// Validates an incoming request: a JSON body when the URL carries <c>bodySHA256</c>, else
    /// form fields when the body is a form, else the URL alone (and then there must be no body).
    /// Leaves the form cached and the body rewound for the endpoint.
    /// </summary>
    /// <param name="request">The incoming request.</param>
    /// <param name="signedUrl">The URL Twilio called, from <see cref="ResolveSignedUrl"/>.</param>
    /// <param name="authToken">The account auth token; when null or empty every request is rejected.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>True when the request is authentic.</returns>
    public static async Task<bool> IsValidRequestAsync(
        HttpRequest request,
        string signedUrl,
        string? authToken,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedUrl);

        var headerValues = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(authToken) || headerValues.Count != 1 || string.IsNullOrEmpty(headerValues[0]))
        {
            return false;
        }

        var signature = headerValues[0];
        if (TryGetSingleQueryValue(signedUrl, BodyHashParameter, out _) || request.Query.ContainsKey(BodyHashParameter))
        {
            var body = await ReadBufferedBodyAsync(request, cancellationToken);
            return body is not null && IsValidWithBody(signedUrl, body, signature, authToken);
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
            {
                return false;
            }

            return IsValid(signedUrl, form, signature, authToken);
        }

        // A body that is neither a form nor hashed in the URL is covered by no signature: a
        // signed GET URL replayed as a POST must not smuggle one in.
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            return false;
        }

        return IsValid(signedUrl, [], signature, authToken);
    }

    /// <summary>The URL as given, then its port variant when it has one.</summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (PortVariant(url) is { } variant)
        {
            yield return variant;
        }
    }

    /// <summary>
    /// No port → the scheme's default port added; a port → removed. Host case, user info, path
    /// and query are kept as they are. Null when the URL has no recognisable authority.
    /// </summary>
    internal static string? PortVariant(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // User info (user:pass@) may itself contain ':'; the host starts after the last '@'.
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
        {
            hostStart = authorityStart;
        }

        var hostAndPort = url[hostStart..authorityEnd];
        var colon = hostAndPort.LastIndexOf(':');
        var hasPort = colon >= 0 && hostAndPort.IndexOf(']', colon) < 0; // "[::1]" has colons but no port
        string newHostAndPort;
        if (hasPort)
        {
            var port = hostAndPort[(colon + 1)..];
            if (port.Length == 0 || !port.All(char.IsAsciiDigit))
            {
                return null;
            }

            newHostAndPort = hostAndPort[..colon];
        }
        else
        {
            var defaultPort = url[..schemeEnd].ToLowerInvariant() switch
            {
                "https" or "wss" => "443",
                "http" or "ws" => "80",
                _ => null,
            };
            if (defaultPort is null || hostAndPort.Length == 0)
            {
                return null;
            }

            newHostAndPort = hostAndPort + ":" + defaultPort;
        }

        return string.Concat(url.AsSpan(0, hostStart), newHostAndPort, url.AsSpan(authorityEnd));
    }

    /// <summary>The decoded value of a query parameter that occurs exactly once (a duplicate is ambiguous, so false).</summary>
    internal static bool TryGetSingleQueryValue(string url, string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return false;
        }

        var queryEnd = url.IndexOf('#', queryStart);
        var query = queryEnd < 0 ? url[(queryStart + 1)..] : url[(queryStart + 1)..queryEnd];
        var found = 0;
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawName = equals < 0 ? pair : pair[..equals];
            if (Decode(rawName) != name)
            {
                continue;
            }

            found++;
            value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
        }

        if (found != 1)
        {
            value = null;
            return false;
        }

        return value is not null;

        static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    private static async Task<byte[]?> ReadBufferedBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxJsonBodyBytes)
        {
            return null;
        }

        // RequireTwilioSignature() turns buffering on before parameter binding, so the body is
        // still there when an endpoint has already bound it. Without buffering a consumed body
        // reads as empty, its hash does not match, and the request is rejected (fail closed).
        request.EnableBuffering();
        request.Body.Position = 0;
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxJsonBodyBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return copy.ToArray();
    }

    private static string? LastHeaderValue(StringValues values)
    {
        // A proxy appends its own value last; that is the one set by the proxy we trust.
        var last = values.Count == 0 ? null : values[^1];
        var item = last?.Split(',').LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(item) ? null : item;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    [SuppressMessage(
        "Security",
        "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "Twilio's signature protocol is HMAC-SHA1; we verify, we do not choose.")]
    private static byte[] HmacSha1(string key, string payload) =>
        HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload));

    /// <summary>Byte-wise order of UTF-8 encodings (equal to code-point order; differs from UTF-16 ordinal for surrogates).</summary>
    private sealed class Utf8ByteOrder : IComparer<string>
    {
        public static readonly Utf8ByteOrder Instance = new();

        public int Compare(string? x, string? y) =>
            Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
    }
}
