using System.Security.Cryptography;
using System.Text;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Http;

namespace FrontDesk.Channels.Tests.Twilio;

public class TwilioSignatureTests
{
    private const string AuthToken = "12345";
    private const string PlainUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Rsoy = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string JsonBody = """{"property": "value", "boolean": true}""";
    private const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    private static readonly KeyValuePair<string, string>[] VectorParams =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    public static TheoryData<string, string> SignedUrlVectors => new()
    {
        { "https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
        { "https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=" },
        { "http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=" },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=" },
        { "https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=" },
        { "http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=" },
        { "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=" },
    };

    [Theory]
    [MemberData(nameof(SignedUrlVectors))]
    public void Compute_official_vector_matches(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignature.Compute(url, VectorParams, AuthToken));
    }

    [Theory]
    [MemberData(nameof(SignedUrlVectors))]
    public void IsValid_official_vector_is_accepted_on_its_own_url(string url, string signature)
    {
        Assert.True(TwilioSignature.IsValid(url, VectorParams, signature, AuthToken));
    }

    [Theory]
    [MemberData(nameof(SignedUrlVectors))]
    public void Oracle_reproduces_official_vectors(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignatureOracle.Sign(url, VectorParams.Select(p => (p.Key, p.Value)), AuthToken));
    }

    [Theory]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("kvajT1Ptam85bY51eRf/AJRuM3w=")]
    public void Plain_https_url_accepts_signature_with_or_without_default_port(string signature)
    {
        Assert.True(TwilioSignature.IsValid(PlainUrl, VectorParams, signature, AuthToken));
    }

    [Theory]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    public void Url_with_explicit_port_accepts_signature_with_or_without_that_port(string signature)
    {
        Assert.True(TwilioSignature.IsValid(
            "https://mycompany.com:1234/myapp.php?foo=1&bar=2", VectorParams, signature, AuthToken));
    }

    [Fact]
    public void Https_url_with_default_port_accepts_the_portless_signature()
    {
        Assert.True(TwilioSignature.IsValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", VectorParams, Rsoy, AuthToken));
    }

    [Fact]
    public void Plain_http_url_accepts_the_port_80_signature()
    {
        Assert.True(TwilioSignature.IsValid(
            "http://mycompany.com/myapp.php?foo=1&bar=2", VectorParams, "0ZXoZLH/DfblKGATFgpif+LLRf4=", AuthToken));
    }

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://MyCompany.com:443/myapp.php?foo=1&bar=2")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2")]
    public void Lowercase_host_signature_is_rejected_for_any_MyCompany_url(string url)
    {
        Assert.False(TwilioSignature.IsValid(url, VectorParams, Rsoy, AuthToken));
    }

    [Fact]
    public void Tampered_signature_NOTRSOY_is_rejected()
    {
        Assert.False(TwilioSignature.IsValid(PlainUrl, VectorParams, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", AuthToken));
    }

    [Fact]
    public void Signature_over_other_port_is_not_accepted_for_a_different_explicit_port()
    {
        // :1234 signatures are valid for :1234 and the portless URL, never for :443.
        Assert.False(TwilioSignature.IsValid(
            "https://mycompany.com:443/myapp.php?foo=1&bar=2", VectorParams, "CYn1h0gLBdNxDGkKJg6hYohgeD8=", AuthToken));
    }

    [Theory]
    [InlineData("Digits", "9999")]
    [InlineData("Extra", "1")]
    public void Changed_or_added_parameter_is_rejected(string name, string value)
    {
        var tampered = VectorParams.Where(p => p.Key != name).Append(new(name, value));
        Assert.False(TwilioSignature.IsValid(PlainUrl, tampered, Rsoy, AuthToken));
    }

    [Fact]
    public void Wrong_auth_token_is_rejected()
    {
        Assert.False(TwilioSignature.IsValid(PlainUrl, VectorParams, Rsoy, "54321"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_auth_token_rejects_everything(string? token)
    {
        Assert.False(TwilioSignature.IsValid(PlainUrl, VectorParams, Rsoy, token));
        var emptyKeySignature = TwilioSignatureOracle.Sign(PlainUrl, [], "");
        Assert.False(TwilioSignature.IsValid(PlainUrl, [], emptyKeySignature, token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_signature_is_rejected(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(PlainUrl, VectorParams, signature, AuthToken));
    }

    [Fact]
    public void Repeated_key_vector_matches_in_any_arrival_order()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("Sid", "CA123"),
            new("SidAccount", "AC123"),
            new("Digits", "5678"),
            new("Digits", "1234"),
        ];

        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(PlainUrl, parameters, AuthToken));
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(PlainUrl, parameters.Reverse(), AuthToken));
        Assert.True(TwilioSignature.IsValid(PlainUrl, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", AuthToken));
    }

    [Fact]
    public void Repeated_key_vector_validates_from_a_form_collection()
    {
        var form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["Sid"] = "CA123",
            ["SidAccount"] = "AC123",
            ["Digits"] = new(["5678", "1234"]),
        });

        Assert.True(TwilioSignature.IsValid(PlainUrl, form, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", AuthToken));
    }

    [Fact]
    public void Repeated_key_vector_fails_the_sdk_RequestValidator_which_is_why_we_keep_our_own()
    {
        // The SDK folds a form into a dictionary, so repeated keys (Digits twice) cannot be signed
        // the way Twilio signs them: the documented vector fails there and passes here.
        var form = new System.Collections.Specialized.NameValueCollection
        {
            { "Sid", "CA123" },
            { "SidAccount", "AC123" },
            { "Digits", "5678" },
            { "Digits", "1234" },
        };
        var sdk = new global::Twilio.Security.RequestValidator(AuthToken);

        Assert.False(sdk.Validate(PlainUrl, form, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
        Assert.True(TwilioSignature.IsValid(
            PlainUrl,
            form.AllKeys.SelectMany(key => form.GetValues(key)!.Select(value => new KeyValuePair<string, string>(key!, value))),
            "IK+Dwps556ElfBT0I3Rgjkr1wJU=",
            AuthToken));
    }

    [Fact]
    public void Json_body_hash_vector_matches()
    {
        Assert.Equal(JsonBodyHash, TwilioSignature.ComputeBodyHash(Encoding.UTF8.GetBytes(JsonBody)));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, "a9nBmqA0ju/hNViExpshrM61xv4=")]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash, "y77kIzt2vzLz71DgmJGsen2scGs=")]
    public void Json_body_vectors_are_accepted(string url, string signature)
    {
        Assert.Equal(signature, TwilioSignature.Compute(url, [], AuthToken));
        Assert.True(TwilioSignature.IsValidWithBody(url, Encoding.UTF8.GetBytes(JsonBody), signature, AuthToken));
    }

    [Fact]
    public void Json_body_vector_is_accepted_with_port_variant_of_url()
    {
        var url = "https://mycompany.com:443/myapp.php?bodySHA256=" + JsonBodyHash;
        Assert.True(TwilioSignature.IsValidWithBody(url, Encoding.UTF8.GetBytes(JsonBody), "y77kIzt2vzLz71DgmJGsen2scGs=", AuthToken));
    }

    [Fact]
    public void Json_body_that_does_not_match_its_hash_is_rejected_even_with_a_valid_url_signature()
    {
        var url = "https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash;
        var otherBody = Encoding.UTF8.GetBytes("""{"property": "evil", "boolean": true}""");
        Assert.False(TwilioSignature.IsValidWithBody(url, otherBody, "y77kIzt2vzLz71DgmJGsen2scGs=", AuthToken));
    }

    [Fact]
    public void Json_body_with_matching_hash_but_bad_signature_is_rejected()
    {
        var url = "https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash;
        Assert.False(TwilioSignature.IsValidWithBody(url, Encoding.UTF8.GetBytes(JsonBody), Rsoy, AuthToken));
    }

    [Fact]
    public void Json_body_without_bodySHA256_in_url_is_rejected()
    {
        var signature = TwilioSignatureOracle.Sign(PlainUrl, [], AuthToken);
        Assert.False(TwilioSignature.IsValidWithBody(PlainUrl, Encoding.UTF8.GetBytes(JsonBody), signature, AuthToken));
    }

    [Fact]
    public void Json_body_with_two_bodySHA256_parameters_is_rejected()
    {
        var url = $"https://mycompany.com/myapp.php?bodySHA256={JsonBodyHash}&bodySHA256={JsonBodyHash}";
        var signature = TwilioSignatureOracle.Sign(url, [], AuthToken);
        Assert.False(TwilioSignature.IsValidWithBody(url, Encoding.UTF8.GetBytes(JsonBody), signature, AuthToken));
    }

    [Theory]
    [InlineData("https://mycompany.com/a?b=1", "https://mycompany.com:443/a?b=1")]
    [InlineData("https://mycompany.com:443/a?b=1", "https://mycompany.com/a?b=1")]
    [InlineData("http://mycompany.com/a", "http://mycompany.com:80/a")]
    [InlineData("http://mycompany.com:8080/a", "http://mycompany.com/a")]
    [InlineData("https://MyCompany.com", "https://MyCompany.com:443")]
    [InlineData("https://mycompany.com?x=1:2", "https://mycompany.com:443?x=1:2")]
    [InlineData("http://user:pa:ss@MyCompany.com/a", "http://user:pa:ss@MyCompany.com:80/a")]
    [InlineData("http://user:pass@MyCompany.com:81/a", "http://user:pass@MyCompany.com/a")]
    [InlineData("https://[::1]/a", "https://[::1]:443/a")]
    [InlineData("https://[::1]:8443/a", "https://[::1]/a")]
    [InlineData("wss://relay.example.com/voice/relay", "wss://relay.example.com:443/voice/relay")]
    public void PortVariant_adds_default_port_or_removes_port(string url, string expected)
    {
        Assert.Equal(expected, TwilioSignature.PortVariant(url));
    }

    [Theory]
    [InlineData("ftp://example.com/a")]
    [InlineData("not a url")]
    [InlineData("https://example.com:abc/a")]
    public void PortVariant_of_unknown_shape_is_null(string url)
    {
        Assert.Null(TwilioSignature.PortVariant(url));
    }

    [Theory]
    [InlineData("https://spa.example.com", "/twilio/sms?x=1", "https://spa.example.com/twilio/sms?x=1")]
    [InlineData("https://spa.example.com/", "/twilio/sms", "https://spa.example.com/twilio/sms")]
    [InlineData("https://spa.example.com/frontdesk", "/twilio/sms?a=1&b=2", "https://spa.example.com/frontdesk/twilio/sms?a=1&b=2")]
    [InlineData("https://spa.example.com/frontdesk/", "twilio/sms", "https://spa.example.com/frontdesk/twilio/sms")]
    [InlineData("https://Spa.Example.com:8443", "/v", "https://Spa.Example.com:8443/v")]
    public void BuildPublicUrl_joins_base_and_path(string baseUrl, string pathAndQuery, string expected)
    {
        Assert.Equal(expected, TwilioSignature.BuildPublicUrl(baseUrl, pathAndQuery));
    }

    [Fact]
    public void BuildRequestUrl_keeps_host_case_path_base_and_raw_query()
    {
        var request = NewRequest("http", "Internal.Host:5000", "/twilio/sms", "?a=1%202&b=%2B1");
        request.PathBase = "/frontdesk";

        Assert.Equal(
            "http://Internal.Host:5000/frontdesk/twilio/sms?a=1%202&b=%2B1",
            TwilioSignature.BuildRequestUrl(request, trustForwardedHeaders: false));
    }

    [Fact]
    public void BuildRequestUrl_ignores_forwarded_headers_unless_trusted()
    {
        var request = NewRequest("http", "10.0.0.5:8080", "/twilio/sms", "?x=1");
        request.Headers["X-Forwarded-Proto"] = "https";
        request.Headers["X-Forwarded-Host"] = "spa.example.com";

        Assert.Equal("http://10.0.0.5:8080/twilio/sms?x=1", TwilioSignature.BuildRequestUrl(request, trustForwardedHeaders: false));
        Assert.Equal("https://spa.example.com/twilio/sms?x=1", TwilioSignature.BuildRequestUrl(request, trustForwardedHeaders: true));
    }

    [Fact]
    public void BuildRequestUrl_takes_the_value_appended_by_the_nearest_proxy()
    {
        var request = NewRequest("http", "10.0.0.5", "/twilio/sms", "");
        request.Headers["X-Forwarded-Proto"] = "http, https";
        request.Headers["X-Forwarded-Host"] = "evil.example.com, spa.example.com";

        Assert.Equal("https://spa.example.com/twilio/sms", TwilioSignature.BuildRequestUrl(request, trustForwardedHeaders: true));
    }

    [Fact]
    public void ResolveSignedUrl_prefers_configured_public_base_url()
    {
        var request = NewRequest("http", "127.0.0.1:5000", "/twilio/sms", "?x=1");
        request.PathBase = "/ignored";

        Assert.Equal("https://public.example.com/twilio/sms?x=1", TwilioSignature.ResolveSignedUrl(request, "https://public.example.com", false));
        Assert.Equal("http://127.0.0.1:5000/ignored/twilio/sms?x=1", TwilioSignature.ResolveSignedUrl(request, " ", false));
    }

    [Fact]
    public void Oracle_agrees_with_RFC_2202_HMAC_SHA1_vectors()
    {
        Assert.Equal(
            "b617318655057264e28bc0b6fb378c8ef146be00",
            Convert.ToHexStringLower(TwilioSignatureOracle.HmacSha1(Enumerable.Repeat((byte)0x0b, 20).ToArray(), "Hi There"u8.ToArray())));
        Assert.Equal(
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            Convert.ToHexStringLower(TwilioSignatureOracle.HmacSha1("Jefe"u8.ToArray(), "what do ya want for nothing?"u8.ToArray())));
        Assert.Equal(
            "aa4ae5e15272d00e95705637ce8a3b55ed402112",
            Convert.ToHexStringLower(TwilioSignatureOracle.HmacSha1(
                Enumerable.Repeat((byte)0xaa, 80).ToArray(), "Test Using Larger Than Block-Size Key - Hash Key First"u8.ToArray())));
    }

    [Fact]
    public void Ordering_is_by_utf8_bytes_not_utf16_code_units()
    {
        // U+FF01 sorts after a surrogate pair in UTF-16 ordinal order but before it in UTF-8 byte order.
        (string, string)[] parameters = [("\uFF01", "a"), ("\U0001F600", "b")];
        var signature = TwilioSignatureOracle.Sign(PlainUrl, parameters, AuthToken);

        Assert.Equal(signature, TwilioSignature.Compute(PlainUrl, parameters.Select(p => KeyValuePair.Create(p.Item1, p.Item2)), AuthToken));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Production_agrees_with_the_oracle_on_random_parameter_sets(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var url = RandomUrl(random);
            var token = RandomText(random, 1, 40);
            var parameters = RandomParameters(random);
            var signature = TwilioSignatureOracle.Sign(url, parameters, token);
            var shuffled = parameters.OrderBy(_ => random.Next()).Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();

            Assert.Equal(signature, TwilioSignature.Compute(url, shuffled, token));
            Assert.True(TwilioSignature.IsValid(url, shuffled, signature, token));
            if (shuffled.Count > 0)
            {
                var victim = random.Next(shuffled.Count);
                shuffled[victim] = KeyValuePair.Create(shuffled[victim].Key, shuffled[victim].Value + "x");
                Assert.False(TwilioSignature.IsValid(url, shuffled, signature, token));
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Production_accepts_oracle_signatures_over_the_port_variant(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var host = random.Next(2) == 0 ? "spa.example.com" : "Spa.Example.COM";
            var path = "/twilio/" + RandomText(random, 1, 8, asciiOnly: true);
            var parameters = RandomParameters(random);
            var kvps = parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToList();

            var signedWithPort = TwilioSignatureOracle.Sign($"https://{host}:443{path}", parameters, AuthToken);
            Assert.True(TwilioSignature.IsValid($"https://{host}{path}", kvps, signedWithPort, AuthToken));

            var signedWithoutPort = TwilioSignatureOracle.Sign($"https://{host}{path}", parameters, AuthToken);
            Assert.True(TwilioSignature.IsValid($"https://{host}:8443{path}", kvps, signedWithoutPort, AuthToken));
            Assert.False(TwilioSignature.IsValid($"https://{host.ToUpperInvariant()}x{path}", kvps, signedWithoutPort, AuthToken));
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Production_agrees_with_the_oracle_on_random_json_bodies(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var body = Encoding.UTF8.GetBytes($$"""{"text":"{{RandomText(random, 0, 30).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)}}"}""");
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            var url = $"https://spa.example.com/twilio/events?bodySHA256={hash}";
            var signature = TwilioSignatureOracle.Sign(url, [], AuthToken);

            Assert.True(TwilioSignature.IsValidWithBody(url, body, signature, AuthToken));
            Assert.False(TwilioSignature.IsValidWithBody(url, [.. body, (byte)' '], signature, AuthToken));
        }
    }

    private static DefaultHttpContext NewContext() => new();

    private static HttpRequest NewRequest(string scheme, string host, string path, string query)
    {
        var request = NewContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.Path = path;
        request.QueryString = new QueryString(query);
        return request;
    }

    private static readonly string[] NamePool =
        ["Body", "From", "To", "Digits", "MediaUrl0", "body", "Ä", "名前", "\U0001F600", "\uFF01", "A_B", "a"];

    private static readonly string[] Alphabet =
        ["a", "Z", "0", " ", "+", "&", "=", "%", "?", "/", "<", "\"", "'", "\n", "é", "ß", "日", "本", "\uFF01", "\U0001F600", "\U0001F44D"];

    private static List<(string Name, string Value)> RandomParameters(Random random)
    {
        var count = random.Next(0, 10);
        var parameters = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            // A small name pool makes repeated names common.
            parameters.Add((NamePool[random.Next(NamePool.Length)], RandomText(random, 0, 12)));
        }

        return parameters;
    }

    private static string RandomUrl(Random random)
    {
        var scheme = random.Next(2) == 0 ? "https" : "http";
        var port = random.Next(3) switch { 0 => "", 1 => ":443", _ => ":" + random.Next(1, 65535) };
        return $"{scheme}://Spa{random.Next(100)}.example.com{port}/twilio/{RandomText(random, 1, 6, asciiOnly: true)}?q={Uri.EscapeDataString(RandomText(random, 0, 6))}";
    }

    private static string RandomText(Random random, int min, int max, bool asciiOnly = false)
    {
        var length = random.Next(min, max + 1);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(asciiOnly ? ((char)('a' + random.Next(26))).ToString() : Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
